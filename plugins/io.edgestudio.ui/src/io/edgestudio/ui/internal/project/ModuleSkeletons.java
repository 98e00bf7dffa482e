package io.edgestudio.ui.internal.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.SubMonitor;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.java.JavaSkeletonGenerator;

/**
 * The builder's step that writes the project of every Java module into {@code modules/<Module>/} with the
 * generator's rule: regenerated files are rewritten only when their content changes and are marked derived,
 * the handler class is written once and never overwritten (the hash of what was written is kept, so that a later
 * removal of the module can tell whether the user edited it). Both the solution project and a module's own
 * Java project (at the same location) are refreshed, so JDT compiles what changed.
 */
final class ModuleSkeletons {

    private final JavaSkeletonGenerator generator = new JavaSkeletonGenerator();

    /**
     * Generates the skeletons of {@code edge} into {@code project}'s modules folder; returns the names of its
     * Java modules.
     */
    Set<String> generate(IProject project, EdgeSolution edge, SubMonitor progress) throws IOException, CoreException {
        List<Module> modules = generator.javaModules(edge);
        Set<String> names = new LinkedHashSet<>();
        modules.forEach(module -> names.add(module.getName()));
        if (modules.isEmpty()) {
            return names;
        }
        progress.setWorkRemaining(modules.size() + 1);
        Path modulesDir = project.getLocation().append(ModuleProjects.MODULES_FOLDER).toPath();
        List<Path> written = generator.generate(edge, modulesDir);
        progress.worked(1);
        for (Module module : modules) {
            Path moduleDir = modulesDir.resolve(module.getName());
            Path handler = moduleDir.resolve(generator.handlerPath(module));
            List<IContainer> containers = new ArrayList<>();
            containers.add(project.getFolder(ModuleProjects.MODULES_FOLDER + "/" + module.getName()));
            IProject moduleProject = ModuleProjects.find(project, module.getName());
            if (moduleProject != null && moduleProject.isOpen()) {
                containers.add(moduleProject);
            }
            SubMonitor refresh = progress.split(1).setWorkRemaining(containers.size());
            for (IContainer container : containers) {
                container.refreshLocal(IResource.DEPTH_INFINITE, refresh.split(1));
                for (Path file : written) {
                    if (file.startsWith(moduleDir) && !file.equals(handler)) {
                        markDerived(container.getFile(IPath.fromPath(moduleDir.relativize(file))));
                    }
                }
            }
            if (written.contains(handler)) {
                ModuleRemoval.recordGeneratedHandler(containers.get(0).getFile(IPath.fromPath(moduleDir.relativize(handler))));
            }
        }
        return names;
    }

    private static void markDerived(IFile file) throws CoreException {
        if (file.exists() && !file.isDerived()) {
            file.setDerived(true, null);
        }
    }
}
