package io.edgestudio.ui.internal.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Keeps the server's copy of each open editor buffer equal to the buffer. Requests that depend on the text
 * (content assist, hover) call {@link #sync} first, so they never see a stale buffer even when the
 * debounced reconciler has not run yet.
 */
public final class DocumentSync {

    private record Sent(int version, String text) {
    }

    private final LanguageServerImpl server;
    private final Runnable awaitReady;
    private final Map<String, Sent> open = new ConcurrentHashMap<>();

    DocumentSync(LanguageServerImpl server, Runnable awaitReady) {
        this.server = server;
        this.awaitReady = awaitReady;
    }

    /**
     * Sends the buffer's current text for {@code file}: an open on first sight, a full-text change afterwards.
     * The text is read under this object's lock, so a caller that syncs later never sends older text than
     * an earlier one did. Returns the text the server now has.
     */
    public synchronized String sync(IFile file, IDocument document) {
        awaitReady.run();
        String text = document.get();
        String uri = Uris.toLsp(file);
        Sent sent = open.get(uri);
        if (sent == null) {
            server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "edge", 1, text)));
            open.put(uri, new Sent(1, text));
        } else if (!sent.text().equals(text)) {
            int version = sent.version() + 1;
            server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                    List.of(new TextDocumentContentChangeEvent(text))));
            open.put(uri, new Sent(version, text));
        }
        return text;
    }

    /** The editor closed: the server goes back to the file's content on disk. */
    public synchronized void close(IFile file) {
        awaitReady.run();
        String uri = Uris.toLsp(file);
        if (open.remove(uri) != null) {
            server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        }
    }

    /** Whether the server holds an editor buffer for this document URI (else it reads the file). */
    boolean isOpen(String uri) {
        return open.containsKey(uri);
    }
}
