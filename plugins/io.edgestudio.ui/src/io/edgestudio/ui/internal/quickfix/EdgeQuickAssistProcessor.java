package io.edgestudio.ui.internal.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.editor.EdgeDocuments;

/** Ctrl+1 in the .edge editor: the quick fixes of the problems at the caret. */
public final class EdgeQuickAssistProcessor implements IQuickAssistProcessor {

    @Override
    public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
        IDocument document = context.getSourceViewer().getDocument();
        IFile file = EdgeDocuments.fileOf(document).orElse(null);
        if (file == null) {
            return new ICompletionProposal[0];
        }
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (IMarker marker : markersAt(file, context.getOffset())) {
            for (CodeAction action : CodeActions.forMarker(marker)) {
                proposals.add(new Proposal(action));
            }
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    private static List<IMarker> markersAt(IFile file, int offset) {
        List<IMarker> found = new ArrayList<>();
        try {
            for (IMarker marker : file.findMarkers(EdgeUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO)) {
                int start = marker.getAttribute(IMarker.CHAR_START, -1);
                int end = marker.getAttribute(IMarker.CHAR_END, -1);
                if (start <= offset && offset <= end) {
                    found.add(marker);
                }
            }
        } catch (CoreException e) {
            return found;
        }
        return found;
    }

    @Override
    public boolean canFix(Annotation annotation) {
        return annotation instanceof MarkerAnnotation marker && !marker.isMarkedDeleted()
                && marker.getMarker().getAttribute(EdgeUi.PROBLEM_CODE, null) != null;
    }

    @Override
    public boolean canAssist(IQuickAssistInvocationContext context) {
        return false;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    /** A code action as a Ctrl+1 proposal. */
    private record Proposal(CodeAction action) implements ICompletionProposal {

        @Override
        public void apply(IDocument document) {
            try {
                CodeActions.apply(action.getEdit());
            } catch (CoreException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Point getSelection(IDocument document) {
            return null;
        }

        @Override
        public String getAdditionalProposalInfo() {
            return null;
        }

        @Override
        public String getDisplayString() {
            return action.getTitle();
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public IContextInformation getContextInformation() {
            return null;
        }
    }
}
