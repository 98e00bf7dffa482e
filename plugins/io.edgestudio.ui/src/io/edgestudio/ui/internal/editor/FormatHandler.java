package io.edgestudio.ui.internal.editor;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;
import io.edgestudio.ui.internal.lsp.TextEdits;

/** Format (Ctrl+Shift+F): applies the language formatter's edits to the whole document, as one undo step. */
public final class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof ITextEditor editor)) {
            return null;
        }
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        EdgeDocuments.sync(document).ifPresent(doc -> {
            EdgeLanguageServer server = EdgeUi.languageServer();
            List<? extends TextEdit> edits = server.await(() -> server.services().formatting(
                    new DocumentFormattingParams(doc.id(), new FormattingOptions(4, true))));
            apply(document, edits == null ? List.of() : edits);
        });
        return null;
    }

    private static void apply(IDocument document, List<? extends TextEdit> edits) {
        DocumentRewriteSession session = document instanceof IDocumentExtension4 ext
                ? ext.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED) : null;
        try {
            TextEdits.apply(document, edits);
        } finally {
            if (session != null) {
                ((IDocumentExtension4) document).stopRewriteSession(session);
            }
        }
    }
}
