package io.edgestudio.modulelibs.internal;

import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;

import io.edgestudio.modulelibs.EdgeModuleLibraries;

/** The container's content: one library entry per jar, with its source attachment. */
final class EdgeModuleLibrariesContainer implements IClasspathContainer {

    private final IClasspathEntry[] entries;

    EdgeModuleLibrariesContainer(List<EdgeModuleLibraries.Library> libraries) {
        entries = libraries.stream()
                .map(library -> JavaCore.newLibraryEntry(IPath.fromPath(library.jar()),
                        library.sources() == null ? null : IPath.fromPath(library.sources()), null))
                .toArray(IClasspathEntry[]::new);
    }

    @Override
    public IClasspathEntry[] getClasspathEntries() {
        return entries.clone();
    }

    @Override
    public String getDescription() {
        return EdgeModuleLibraries.DESCRIPTION;
    }

    @Override
    public int getKind() {
        return K_APPLICATION;
    }

    @Override
    public IPath getPath() {
        return EdgeModuleLibraries.CONTAINER_PATH;
    }
}
