package io.edgestudio.ui.internal.project;

import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.edgestudio.ui.EdgeUi;

/**
 * Builder of Edge Solution projects. Validation itself runs in the workspace's {@code .edge} language
 * server, which indexes and checks every {@code .edge} file of the open projects (including errors that one
 * file causes in another) and keeps the Problems view current as files change; the builder makes sure that
 * server runs from the first build on, so problems show without opening an editor.
 */
public final class EdgeBuilder extends IncrementalProjectBuilder {

    /** Builder id, as declared in plugin.xml. */
    public static final String ID = "io.edgestudio.ui.edgeBuilder";

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Validating Edge solution " + getProject().getName(), 1);
        EdgeUi.languageServer().awaitReady();
        progress.worked(1);
        return null;
    }
}
