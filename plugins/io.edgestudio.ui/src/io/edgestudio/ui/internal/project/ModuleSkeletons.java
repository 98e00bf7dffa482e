package io.edgestudio.ui.internal.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * the handler class is written once and never overwritten. Both the solution project and a module's own
 * Java project (at the same location) are refreshed, so JDT compiles what changed.
 */
final class ModuleSkeletons {

    private final JavaSkeletonGenerator generator = new JavaSkeletonGenerator();

    /**
     * Generates the skeletons of {@code edge} into {@code project}'s modules folder; returns whether a module
     * has no Java project yet.
     */
    boolean generate(IProject project, EdgeSolution edge, SubMonitor progress) throws IOException, CoreException {
        List<Module> modules = generator.javaModules(edge);
        if (modules.isEmpty()) {
            return false;
        }
        boolean unimported = false;
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
            if (moduleProject == null) {
                unimported = true;
            } else if (moduleProject.isOpen()) {
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
        }
        return unimported;
    }

    private static void markDerived(IFile file) throws CoreException {
        if (file.exists() && !file.isDerived()) {
            file.setDerived(true, null);
        }
    }
}
