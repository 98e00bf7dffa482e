package io.edgestudio.modulelibs.internal;

import java.io.IOException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.core.ClasspathContainerInitializer;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

import io.edgestudio.modulelibs.EdgeModuleLibraries;

/** Resolves the Edge Module Libraries container of a Java project to the jars shipped in this bundle. */
public final class EdgeModuleLibrariesInitializer extends ClasspathContainerInitializer {

    @Override
    public void initialize(IPath containerPath, IJavaProject project) throws CoreException {
        IClasspathContainer container;
        try {
            container = new EdgeModuleLibrariesContainer(EdgeModuleLibraries.libraries());
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot resolve " + EdgeModuleLibraries.DESCRIPTION + " for project "
                    + project.getElementName() + ": " + e.getMessage(), e));
        }
        JavaCore.setClasspathContainer(containerPath, new IJavaProject[] { project },
                new IClasspathContainer[] { container }, null);
    }

    @Override
    public String getDescription(IPath containerPath, IJavaProject project) {
        return EdgeModuleLibraries.DESCRIPTION;
    }

    @Override
    public Object getComparisonID(IPath containerPath, IJavaProject project) {
        return containerPath;
    }
}
