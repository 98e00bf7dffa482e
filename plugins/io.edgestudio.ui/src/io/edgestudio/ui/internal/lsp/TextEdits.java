package io.edgestudio.ui.internal.lsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextEdit;

/** Applies the language server's text edits (formatting, quick fixes) to a document. */
public final class TextEdits {

    private TextEdits() {
    }

    /** Applies {@code edits}, whose ranges refer to the document's current text, from the end backwards. */
    public static void apply(IDocument document, List<? extends TextEdit> edits) {
        Positions positions = new Positions(document.get());
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt((TextEdit e) -> positions.offset(e.getRange().getStart())).reversed());
        try {
            for (TextEdit edit : ordered) {
                int start = positions.offset(edit.getRange().getStart());
                int end = positions.offset(edit.getRange().getEnd());
                document.replace(start, end - start, edit.getNewText());
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException("edit outside the document", e);
        }
    }
}
