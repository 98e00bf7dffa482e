package io.edgestudio.ui.internal.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
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

    private ITextViewer viewer;
    private IDocument document;
    private IFile file;
    private final ITextInputListener inputListener = new ITextInputListener() {
        @Override
        public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
            disconnect();
        }

        @Override
        public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
            connect(newInput);
        }
    };
    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // only the changed text matters
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            sync.schedule(DEBOUNCE_MILLIS);
        }
    };
    private final Job sync = new Job("Validating .edge file") {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            IDocument current = document;
            if (current != null && file != null) {
                EdgeUi.languageServer().documents().sync(file, current);
            }
            return Status.OK_STATUS;
        }
    };

    public EdgeReconciler() {
        sync.setSystem(true);
    }

    @Override
    public void install(ITextViewer viewer) {
        this.viewer = viewer;
        // the editor installs reconcilers before it sets the document, and may replace the document later
        viewer.addTextInputListener(inputListener);
        connect(viewer.getDocument());
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            viewer.removeTextInputListener(inputListener);
        }
        disconnect();
        viewer = null;
    }

    private void connect(IDocument newDocument) {
        document = newDocument;
        file = newDocument == null ? null : EdgeDocuments.fileOf(newDocument).orElse(null);
        if (file != null) {
            newDocument.addDocumentListener(listener);
            sync.schedule();
        }
    }

    private void disconnect() {
        sync.cancel();
        if (document != null) {
            document.removeDocumentListener(listener);
        }
        if (file != null) {
            EdgeUi.languageServer().documents().close(file);
        }
        document = null;
        file = null;
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return null;
    }
}
