package io.edgestudio.ui.internal.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;

import io.edgestudio.ui.EdgeUi;

/**
 * Validation as you type: the buffer goes to the language server when the editor opens and again right
 * after each edit; the server's diagnostics come back as problem markers.
 */
public final class EdgeReconciler implements IReconciler {

    /**
     * Only coalesces a burst of edits (a paste, a quick fix, auto-edits): the server cancels the validation a
     * newer edit overtakes, so waiting for a longer pause would only add to the keystroke-to-annotation time.
     */
    private static final long DEBOUNCE_MILLIS = 50;

    private final DebouncedDocumentJob sync = new DebouncedDocumentJob("Validating .edge file", DEBOUNCE_MILLIS,
            new DebouncedDocumentJob.Work() {
                @Override
                public void run(IDocument document, IFile file) {
                    EdgeUi.languageServer().documents().sync(file, document);
                }

                @Override
                public void disconnected(IFile file) {
                    if (file != null) {
                        EdgeUi.languageServer().documents().close(file);
                    }
                }
            });

    @Override
    public void install(ITextViewer viewer) {
        sync.install(viewer);
    }

    @Override
    public void uninstall() {
        sync.uninstall();
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }
}
