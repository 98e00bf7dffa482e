package io.edgestudio.ui.internal.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Display;

/**
 * Folding of every multi-line block ({@code { ... }}) and block comment. Lexical, so it keeps working while
 * the file does not parse; runs on the UI thread shortly after each change.
 */
public final class EdgeFoldingReconciler implements IReconciler {

    private static final int DELAY_MILLIS = 400;

    private ProjectionViewer viewer;
    private IDocument document;
    private final Runnable update = this::update;
    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // only the result matters
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            Display.getDefault().timerExec(DELAY_MILLIS, update);
        }
    };
    private final ITextInputListener inputListener = new ITextInputListener() {
        @Override
        public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
            if (oldInput != null) {
                oldInput.removeDocumentListener(listener);
            }
        }

        @Override
        public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
            document = newInput;
            if (newInput != null) {
                newInput.addDocumentListener(listener);
                Display.getDefault().timerExec(DELAY_MILLIS, update);
            }
        }
    };

    @Override
    public void install(ITextViewer textViewer) {
        if (textViewer instanceof ProjectionViewer projection) {
            viewer = projection;
            viewer.addTextInputListener(inputListener);
            inputListener.inputDocumentChanged(null, viewer.getDocument());
        }
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            viewer.removeTextInputListener(inputListener);
            inputListener.inputDocumentAboutToBeChanged(document, null);
        }
        viewer = null;
        document = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }

    private void update() {
        ProjectionAnnotationModel model = viewer == null ? null : viewer.getProjectionAnnotationModel();
        if (model == null || document == null) {
            return;
        }
        List<Annotation> old = new ArrayList<>();
        model.getAnnotationIterator().forEachRemaining(old::add);
        Map<Annotation, Position> folds = new HashMap<>();
        for (Position region : foldableRegions(document)) {
            folds.put(new ProjectionAnnotation(), region);
        }
        model.modifyAnnotations(old.toArray(Annotation[]::new), folds, null);
    }

    /** Multi-line {@code {}} blocks and block comments, each extended to whole lines. */
    static List<Position> foldableRegions(IDocument document) {
        String text = document.get();
        List<Position> regions = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipString(text, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = Math.max(i, text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i));
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                addLines(document, i, end, regions);
                i = end - 1;
            } else if (c == '{') {
                open.push(i);
            } else if (c == '}' && !open.isEmpty()) {
                addLines(document, open.pop(), i + 1, regions);
            }
        }
        return regions;
    }

    private static int skipString(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    private static void addLines(IDocument document, int start, int end, List<Position> regions) {
        try {
            int firstLine = document.getLineOfOffset(start);
            int lastLine = document.getLineOfOffset(Math.min(end, document.getLength()));
            if (lastLine > firstLine) {
                int from = document.getLineOffset(firstLine);
                int to = document.getLineOffset(lastLine) + document.getLineLength(lastLine);
                regions.add(new Position(from, to - from));
            }
        } catch (BadLocationException e) {
            // the document changed under us; the next update recomputes
        }
    }
}
