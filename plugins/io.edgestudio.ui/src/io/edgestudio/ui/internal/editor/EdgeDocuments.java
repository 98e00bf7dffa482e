package io.edgestudio.ui.internal.editor;

import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.Positions;
import io.edgestudio.ui.internal.lsp.Uris;

/** The workspace file behind an editor document, and the request parameters the server needs for it. */
public final class EdgeDocuments {

    /** A document synced to the server: its URI there and a position index on the synced text. */
    record Synced(String uri, Positions positions) {
        TextDocumentIdentifier id() {
            return new TextDocumentIdentifier(uri);
        }

        Position at(int offset) {
            return positions.position(offset);
        }
    }

    private EdgeDocuments() {
    }

    public static Optional<IFile> fileOf(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer == null || buffer.getLocation() == null) {
            return Optional.empty();
        }
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
        return file.exists() ? Optional.of(file) : Optional.empty();
    }

    /** Sends the document's current text to the server (if changed) and describes it for a request. */
    static Optional<Synced> sync(IDocument document) {
        return fileOf(document).map(file -> {
            String text = EdgeUi.languageServer().documents().sync(file, document);
            return new Synced(Uris.toLsp(file), new Positions(text));
        });
    }
}
