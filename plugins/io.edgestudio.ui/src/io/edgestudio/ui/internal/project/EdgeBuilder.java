package io.edgestudio.ui.internal.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.resource.Resource;

import io.edgestudio.dsl.generator.DeploymentManifestGenerator;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.GeneratorException;
import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.ui.EdgeUi;

/**
 * Builder of Edge Solution projects. Validation runs in the workspace's {@code .edge} language server, which
 * checks every {@code .edge} file of the open projects (including errors one file causes in another) and
 * keeps the Problems view current; the builder starts it, then generates the deployment manifests into
 * {@code config/} and the project of each Java module into {@code modules/<Module>/} (never overwriting a
 * module's handler class, importing a new module as a Java project, removing the project of a module the solution
 * no longer declares) whenever a {@code .edge} file changed. A solution with errors is not generated,
 * and the project says so with a marker rather than keeping stale output silently.
 */
public final class EdgeBuilder extends IncrementalProjectBuilder {

    /** Builder id, as declared in plugin.xml. */
    public static final String ID = "io.edgestudio.ui.edgeBuilder";

    /** Project folder of the generated deployment manifests. */
    public static final String CONFIG_FOLDER = "config";

    private final ModuleSkeletons skeletons = new ModuleSkeletons();

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Building Edge solution " + getProject().getName(), 4);
        EdgeUi.languageServer().awaitReady();
        progress.worked(1);
        if (kind == FULL_BUILD || edgeFilesChanged(getDelta(getProject()))) {
            generate(progress.split(3));
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        IFolder config = getProject().getFolder(CONFIG_FOLDER);
        if (config.exists()) {
            for (IResource member : config.members()) {
                if (member.isDerived() && member.getName().startsWith("deployment.")) {
                    member.delete(true, monitor);
                }
            }
        }
        getProject().deleteMarkers(EdgeUi.BUILD_MARKER, false, IResource.DEPTH_ZERO);
    }

    private void generate(SubMonitor progress) throws CoreException {
        IProject project = getProject();
        project.deleteMarkers(EdgeUi.BUILD_MARKER, false, IResource.DEPTH_ZERO);
        SolutionLoader.Loaded loaded = new SolutionLoader(EdgeUi.languageServer().language())
                .load(List.of(project.getLocation().toFile().toPath()));
        if (loaded.resources().getResources().isEmpty()) {
            return;
        }
        if (!loaded.errors().isEmpty()) {
            report(loaded.errors().size() + " error(s) in the solution: deployment manifests in "
                    + CONFIG_FOLDER + "/ were not generated. Fix the errors shown in the Problems view.");
            return;
        }
        Path output = project.getLocation().append(CONFIG_FOLDER).toFile().toPath();
        EdgeSolution edge;
        try {
            edge = EdgeSolution.of(loaded.resources());
        } catch (GeneratorException e) {
            return; // .edge files without a solution block (yet): nothing to generate
        }
        try {
            List<Path> written = new DeploymentManifestGenerator().generate(edge, output, Set.of());
            IFolder config = project.getFolder(CONFIG_FOLDER);
            config.refreshLocal(IResource.DEPTH_ONE, progress.split(1));
            for (Path file : written) {
                IFile generated = config.getFile(file.getFileName().toString());
                if (generated.exists()) {
                    generated.setDerived(true, progress.split(0));
                }
            }
        } catch (GeneratorException e) {
            report("Deployment manifests not generated: " + e.getMessage());
        } catch (IOException e) {
            throw new CoreException(new Status(IStatus.ERROR, EdgeUi.PLUGIN_ID,
                    "Cannot write the deployment manifests into " + output, e));
        }
        try {
            Set<String> javaModules = skeletons.generate(project, edge, progress.split(1));
            ModuleProjects.declared(project, javaModules);
            if (ModuleProjects.outOfDate(project, javaModules)) {
                ModuleProjects.scheduleSync(project, javaModules, solutionFile(edge));
            }
        } catch (GeneratorException e) {
            report("Module projects not generated: " + e.getMessage());
        } catch (IOException e) {
            throw new CoreException(new Status(IStatus.ERROR, EdgeUi.PLUGIN_ID,
                    "Cannot write the module projects into " + ModuleProjects.MODULES_FOLDER + "/: " + e.getMessage(), e));
        }
    }

    /** The workspace file that holds the solution block, or null when it is outside the workspace. */
    private static IFile solutionFile(EdgeSolution edge) {
        Resource resource = edge.solution().eResource();
        if (resource == null || !resource.getURI().isFile()) {
            return null;
        }
        return ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(IPath.fromOSString(resource.getURI().toFileString()));
    }

    private void report(String message) throws CoreException {
        IMarker marker = getProject().createMarker(EdgeUi.BUILD_MARKER);
        marker.setAttribute(IMarker.MESSAGE, message);
        marker.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
    }

    private static boolean edgeFilesChanged(IResourceDelta delta) throws CoreException {
        if (delta == null) {
            return true;
        }
        boolean[] changed = { false };
        delta.accept(child -> {
            if (child.getResource() instanceof IFile file && EdgeUi.EDGE_FILE_EXTENSION.equals(file.getFileExtension())) {
                changed[0] = true;
            }
            return !changed[0];
        });
        return changed[0];
    }
}
