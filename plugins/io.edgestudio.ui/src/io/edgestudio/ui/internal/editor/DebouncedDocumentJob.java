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

/**
 * Follows the workspace {@code .edge} file a viewer shows and runs work for it in a background job: once when
 * the document is connected, and again after each burst of edits has paused for the debounce delay. Follows
 * the viewer when it replaces its document; a document without a workspace file is left alone.
 */
final class DebouncedDocumentJob {

    /** What runs for the document, and what happens around it. */
    interface Work {
        /** Runs in the job, off the UI thread, for the document's text as it is now. */
        void run(IDocument document, IFile file);

        /** Called before each edit is applied, on the thread that edits. */
        default void aboutToChange(DocumentEvent event) {
        }

        /** Called when the viewer lets go of the document (or the job is uninstalled); {@code file} may be null. */
        default void disconnected(IFile file) {
        }
    }

    private final long debounceMillis;
    private final Work work;
    private ITextViewer viewer;
    private volatile IDocument document;
    private volatile IFile file;
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
            work.aboutToChange(event);
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            job.schedule(debounceMillis);
        }
    };
    private final Job job;

    DebouncedDocumentJob(String name, long debounceMillis, Work work) {
        this.debounceMillis = debounceMillis;
        this.work = work;
        this.job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                IDocument current = document;
                IFile currentFile = file;
                if (current != null && currentFile != null) {
                    DebouncedDocumentJob.this.work.run(current, currentFile);
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
    }

    /** Starts following the viewer's document; the editor may set the document only after this. */
    void install(ITextViewer textViewer) {
        viewer = textViewer;
        viewer.addTextInputListener(inputListener);
        connect(viewer.getDocument());
    }

    /** Stops following the viewer and lets go of its document. */
    void uninstall() {
        if (viewer != null) {
            viewer.removeTextInputListener(inputListener);
        }
        disconnect();
        viewer = null;
    }

    /** The document followed now, or null. */
    IDocument document() {
        return document;
    }

    private void connect(IDocument newDocument) {
        document = newDocument;
        file = newDocument == null ? null : EdgeDocuments.fileOf(newDocument).orElse(null);
        if (file != null) {
            newDocument.addDocumentListener(listener);
            job.schedule();
        }
    }

    private void disconnect() {
        job.cancel();
        if (document != null) {
            document.removeDocumentListener(listener);
        }
        IFile old = file;
        document = null;
        file = null;
        work.disconnected(old);
    }
}
