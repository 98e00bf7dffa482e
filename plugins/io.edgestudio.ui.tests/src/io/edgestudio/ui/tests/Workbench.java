package io.edgestudio.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

import io.edgestudio.ui.EdgeUi;

/** Small helpers for tests that drive a real workbench on the UI thread. */
final class Workbench {

    private Workbench() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Creates and opens a new workspace project. */
    static IProject createProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        project.create(null);
        project.open(null);
        return project;
    }

    /**
     * Closes all editors (discarding changes) and deletes the project with its content, after the projects
     * inside it (the Java projects of generated modules).
     */
    static void deleteProject(IProject project) throws CoreException {
        page().closeAllEditors(false);
        if (project == null || !project.exists()) {
            return;
        }
        if (project.getLocation() != null) {
            for (IProject nested : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
                if (!nested.equals(project) && nested.getLocation() != null
                        && project.getLocation().isPrefixOf(nested.getLocation())) {
                    nested.delete(true, true, null);
                }
            }
        }
        project.delete(true, true, null);
    }

    static IFile write(IProject project, String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        ByteArrayInputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, IResource.FORCE, null);
        }
        return file;
    }

    /** The file's .edge problem markers. */
    static List<IMarker> problems(IFile file) {
        try {
            return List.of(file.findMarkers(EdgeUi.PROBLEM_MARKER, true, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's .edge problem markers of severity error. */
    static List<IMarker> errors(IFile file) {
        return problems(file).stream()
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
                .toList();
    }

    static ITextViewer viewer(IEditorPart editor) {
        return (ITextViewer) editor.getAdapter(ITextOperationTarget.class);
    }

    /** Runs the UI event loop until {@code condition} holds; fails after {@code timeout}. */
    static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }
}
