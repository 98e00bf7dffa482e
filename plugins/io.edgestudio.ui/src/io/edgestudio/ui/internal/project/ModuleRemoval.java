package io.edgestudio.ui.internal.project;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

import io.edgestudio.ui.EdgeUi;

/**
 * What becomes of a Java module the solution no longer declares (deleted from the {@code .edge} file, renamed,
 * or no longer {@code java}): its project leaves the workspace with its files left on disk, and its folder
 * {@code modules/<Module>/} is deleted when nothing in it is the user's, that is when every file is regenerated
 * plumbing (marked derived by the builder), the handler exactly as the builder generated it, build output
 * ({@code target/}, {@code bin/}) or the Eclipse metadata of the imported project. Otherwise the folder stays, and
 * an info marker on the solution's {@code .edge} file says so and why.
 */
final class ModuleRemoval {

    /** Persistent property of a handler file the builder wrote: the SHA-256 of its generated content. */
    static final QualifiedName GENERATED_HANDLER = new QualifiedName(EdgeUi.PLUGIN_ID, "generatedHandler");

    /** Marker attribute: the module whose folder was kept. */
    static final String MODULE_ATTRIBUTE = "module";

    /** Files and folders at the top of a module folder that the import or a build creates, not the user. */
    private static final Set<String> NOT_USER_FILES = Set.of(".project", ".classpath", ".settings", "target", "bin");

    private static final int LISTED_FILES = 3;

    private ModuleRemoval() {
    }

    /** Remembers that {@code handler} holds what the builder generated, to tell later whether the user edited it. */
    static void recordGeneratedHandler(IFile handler) throws CoreException {
        if (handler.exists()) {
            handler.setPersistentProperty(GENERATED_HANDLER, sha256(handler));
        }
    }

    /**
     * Removes the projects and folders of the Java modules of {@code solution} that are not {@code declared};
     * replaces the markers about kept folders (on {@code edgeFile}, or on the project when it is null).
     */
    static void removeUndeclared(IProject solution, Set<String> declared, IFile edgeFile, IProgressMonitor monitor)
            throws CoreException {
        solution.deleteMarkers(EdgeUi.KEPT_MODULE_MARKER, false, IResource.DEPTH_INFINITE);
        Map<String, IProject> imported = ModuleProjects.importedModules(solution);
        List<String> folders = ModuleProjects.generatedModules(solution);
        SubMonitor progress = SubMonitor.convert(monitor, "Removing modules no longer in " + solution.getName(),
                imported.size() + folders.size());
        for (Map.Entry<String, IProject> module : imported.entrySet()) {
            if (declared.contains(module.getKey())) {
                progress.worked(1);
            } else {
                module.getValue().delete(IResource.NEVER_DELETE_PROJECT_CONTENT | IResource.FORCE, progress.split(1));
            }
        }
        for (String module : folders) {
            if (declared.contains(module)) {
                progress.worked(1);
                continue;
            }
            IFolder folder = solution.getFolder(ModuleProjects.MODULES_FOLDER).getFolder(module);
            folder.refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
            List<String> userFiles = userFiles(folder);
            if (userFiles.isEmpty()) {
                folder.delete(IResource.FORCE, null);
            } else {
                markKept(edgeFile == null ? solution : edgeFile, folder, module, userFiles);
            }
        }
    }

    /** The files of a module folder that are the user's, relative to the folder, in path order. */
    static List<String> userFiles(IFolder folder) throws CoreException {
        List<String> user = new ArrayList<>();
        folder.accept(resource -> {
            if (resource.getParent().equals(folder) && NOT_USER_FILES.contains(resource.getName())) {
                return false;
            }
            if (resource instanceof IFile file && !generated(file)) {
                user.add(file.getFullPath().makeRelativeTo(folder.getFullPath()).toString());
            }
            return true;
        });
        user.sort(null);
        return user;
    }

    private static boolean generated(IFile file) throws CoreException {
        if (file.isDerived()) {
            return true;
        }
        String hash = file.getPersistentProperty(GENERATED_HANDLER);
        return hash != null && hash.equals(sha256(file));
    }

    private static void markKept(IResource on, IFolder folder, String module, List<String> userFiles)
            throws CoreException {
        String files = String.join(", ", userFiles.subList(0, Math.min(LISTED_FILES, userFiles.size())))
                + (userFiles.size() > LISTED_FILES ? " and " + (userFiles.size() - LISTED_FILES) + " more" : "");
        IMarker marker = on.createMarker(EdgeUi.KEPT_MODULE_MARKER);
        marker.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_INFO);
        marker.setAttribute(MODULE_ATTRIBUTE, module);
        marker.setAttribute(IMarker.MESSAGE, "Kept " + folder.getProjectRelativePath() + "/ of module " + module
                + ", which the solution no longer declares as a Java module: it holds your changes (" + files
                + "). Its project was removed from the workspace; delete the folder when you no longer need it.");
    }

    private static String sha256(IFile file) throws CoreException {
        try (InputStream in = file.getContents(true)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new CoreException(Status.error("Cannot read " + file.getFullPath(), e));
        }
    }
}
