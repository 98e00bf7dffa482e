package io.edgestudio.launch.internal.launching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.preferences.EdgePreferences;
import io.edgestudio.ui.internal.project.EdgeBuilder;
import io.edgestudio.ui.internal.project.EdgeNature;

/**
 * A solution project as a launch sees it: its generated deployment manifest in {@code config/} (built first when
 * missing or older than a {@code .edge} file) and the modules that manifest deploys.
 */
public final class SolutionProject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IProject project;

    private SolutionProject(IProject project) {
        this.project = project;
    }

    /** The open Edge Solution project named {@code name}. */
    public static SolutionProject named(String name) throws CoreException {
        if (name == null || name.isBlank()) {
            throw new CoreException(Status.error("The launch configuration names no solution project."));
        }
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.isOpen()) {
            throw new CoreException(Status.error("Solution project " + name + " does not exist or is closed."));
        }
        if (!project.hasNature(EdgeNature.ID)) {
            throw new CoreException(Status.error("Project " + name + " is not an Edge Solution project."));
        }
        return new SolutionProject(project);
    }

    /** The workspace project. */
    public IProject project() {
        return project;
    }

    /**
     * The deployment manifest to run, generated first when it is missing or older than a {@code .edge} file.
     * Fails naming the problem when the solution cannot be generated.
     */
    public IFile buildManifest(IProgressMonitor monitor) throws CoreException {
        IFile manifest = manifest();
        if (manifest == null || isStale(manifest)) {
            project.build(IncrementalProjectBuilder.FULL_BUILD, monitor);
            manifest = manifest();
        }
        if (manifest == null) {
            String reason = buildProblems();
            throw new CoreException(Status.error("Solution " + project.getName() + " has no generated deployment "
                    + "manifest in " + EdgeBuilder.CONFIG_FOLDER + "/" + (reason.isEmpty() ? "." : ": " + reason)));
        }
        return manifest;
    }

    /** The generated manifest ({@code config/deployment.<platform>.json}), or null; the default platform wins. */
    public IFile manifest() throws CoreException {
        IFolder config = project.getFolder(EdgeBuilder.CONFIG_FOLDER);
        if (!config.exists()) {
            return null;
        }
        config.refreshLocal(IResource.DEPTH_ONE, null);
        String platform = LaunchSettings.preference(EdgePreferences.DEFAULT_PLATFORM, "amd64");
        IFile preferred = config.getFile("deployment." + platform + ".json");
        if (preferred.exists()) {
            return preferred;
        }
        for (IResource member : config.members()) {
            String name = member.getName();
            if (member instanceof IFile file && name.startsWith("deployment.") && name.endsWith(".json")
                    && !name.startsWith("deployment.debug.")) {
                return file;
            }
        }
        return null;
    }

    private boolean isStale(IFile manifest) throws CoreException {
        long generated = manifest.getLocation().toFile().lastModified();
        boolean[] newer = { false };
        project.accept(resource -> {
            if (resource instanceof IFile file && EdgeUi.EDGE_FILE_EXTENSION.equals(file.getFileExtension())
                    && file.getLocation().toFile().lastModified() > generated) {
                newer[0] = true;
            }
            return !newer[0] && !resource.isDerived();
        });
        return newer[0];
    }

    private String buildProblems() throws CoreException {
        List<String> messages = new ArrayList<>();
        for (IMarker marker : project.findMarkers(EdgeUi.BUILD_MARKER, false, IResource.DEPTH_ZERO)) {
            messages.add(marker.getAttribute(IMarker.MESSAGE, ""));
        }
        return String.join("; ", messages);
    }

    /** The modules a manifest deploys with their manifest {@code env}, in manifest order. */
    public static Map<String, Map<String, String>> modules(Path manifest) throws CoreException {
        JsonNode root;
        try {
            root = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot read the deployment manifest " + manifest + ": "
                    + e.getMessage(), e));
        }
        JsonNode modules = root.path("modulesContent").path("$edgeAgent").path("properties.desired").path("modules");
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        modules.properties().forEach(module -> {
            Map<String, String> env = new LinkedHashMap<>();
            module.getValue().path("env").properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().path("value").asText()));
            result.put(module.getKey(), env);
        });
        return result;
    }
}
