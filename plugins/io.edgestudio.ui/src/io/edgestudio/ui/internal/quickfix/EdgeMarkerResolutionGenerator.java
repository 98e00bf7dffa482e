package io.edgestudio.ui.internal.quickfix;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/** Quick fixes for {@code .edge} problems in the Problems view (Quick Fix, Ctrl+1 there). */
public final class EdgeMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return marker.getAttribute(io.edgestudio.ui.EdgeUi.PROBLEM_CODE, null) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        return CodeActions.forMarker(marker).stream().map(Resolution::new).toArray(IMarkerResolution[]::new);
    }

    /** One code action as a marker resolution. */
    private record Resolution(CodeAction action) implements IMarkerResolution2 {

        @Override
        public String getLabel() {
            return action.getTitle();
        }

        @Override
        public void run(IMarker marker) {
            try {
                CodeActions.apply(action.getEdit());
            } catch (CoreException e) {
                ILog.of(EdgeMarkerResolutionGenerator.class).log(e.getStatus());
            }
        }

        @Override
        public String getDescription() {
            return action.getTitle();
        }

        @Override
        public Image getImage() {
            return null;
        }
    }
}
