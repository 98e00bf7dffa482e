package io.edgestudio.ui.internal.editor;

import java.util.stream.Collectors;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;

/** Hover text from the language's hover service (documentation comments, types). */
public final class EdgeTextHover implements ITextHover {

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        return EdgeDocuments.sync(viewer.getDocument()).map(doc -> {
            EdgeLanguageServer server = EdgeUi.languageServer();
            Hover hover = server.await(() -> server.services().hover(new HoverParams(doc.id(), doc.at(region.getOffset()))));
            return hover == null || hover.getContents() == null ? null : text(hover);
        }).filter(text -> !text.isBlank()).orElse(null);
    }

    private static String text(Hover hover) {
        if (hover.getContents().isRight()) {
            return hover.getContents().getRight().getValue();
        }
        return hover.getContents().getLeft().stream()
                .map(part -> part.isLeft() ? part.getLeft() : markedString(part))
                .collect(Collectors.joining("\n"));
    }

    private static String markedString(Either<String, MarkedString> part) {
        return part.getRight().getValue();
    }

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }
}
