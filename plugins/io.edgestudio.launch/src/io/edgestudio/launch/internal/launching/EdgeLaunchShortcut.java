package io.edgestudio.launch.internal.launching;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

import io.edgestudio.launch.EdgeLaunch;

/**
 * Run As / Debug As › Edge Solution on a {@code .edge} file, an Edge Solution project, or a {@code .edge} editor:
 * reuses the project's configuration or creates one with the preferences' defaults.
 */
public final class EdgeLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        launch(resourceOf(selection), mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(Adapters.adapt(editor.getEditorInput(), IFile.class), mode);
    }

    private static void launch(IResource resource, String mode) {
        if (resource == null) {
            return;
        }
        try {
            DebugUITools.launch(configurationFor(resource), mode);
        } catch (CoreException e) {
            ErrorDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "Edge Solution",
                    "Cannot launch " + resource.getName(), e.getStatus());
        }
    }

    /** The project's existing Edge Solution configuration, or a new saved one. */
    public static ILaunchConfiguration configurationFor(IResource resource) throws CoreException {
        ILaunchConfiguration[] existing = configurations(resource);
        if (existing.length > 0) {
            return existing[0];
        }
        IProject project = resource.getProject();
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(EdgeLaunch.TYPE_ID);
        ILaunchConfigurationWorkingCopy config = type.newInstance(null,
                manager.generateLaunchConfigurationName(project.getName()));
        LaunchSettings.defaults(project.getName(),
                resource instanceof IFile file ? file.getFullPath().toString() : "").applyTo(config);
        config.setMappedResources(new IResource[] { project });
        return config.doSave();
    }

    private static ILaunchConfiguration[] configurations(IResource resource) throws CoreException {
        if (resource == null) {
            return new ILaunchConfiguration[0];
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(EdgeLaunch.TYPE_ID);
        String project = resource.getProject().getName();
        java.util.List<ILaunchConfiguration> matching = new java.util.ArrayList<>();
        for (ILaunchConfiguration config : manager.getLaunchConfigurations(type)) {
            if (project.equals(config.getAttribute(EdgeLaunch.ATTR_PROJECT, ""))) {
                matching.add(config);
            }
        }
        return matching.toArray(ILaunchConfiguration[]::new);
    }

    private static IResource resourceOf(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
            return Adapters.adapt(structured.getFirstElement(), IResource.class);
        }
        return null;
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return safely(resourceOf(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return safely(Adapters.adapt(editor.getEditorInput(), IFile.class));
    }

    private static ILaunchConfiguration[] safely(IResource resource) {
        try {
            return configurations(resource);
        } catch (CoreException e) {
            return new ILaunchConfiguration[0];
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        IResource resource = resourceOf(selection);
        return resource == null ? null : resource.getProject();
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
        return file == null ? null : file.getProject();
    }
}
