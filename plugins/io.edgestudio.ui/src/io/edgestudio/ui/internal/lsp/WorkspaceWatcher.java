package io.edgestudio.ui.internal.lsp;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import io.edgestudio.ui.EdgeUi;

/**
 * Tells the server what changes on disk: projects opened or closed become workspace folders, and
 * {@code .edge} files created, changed or deleted outside an editor become watched-file events, so that
 * errors caused in one file by another are revalidated.
 */
final class WorkspaceWatcher implements IResourceChangeListener {

    private final LanguageServerImpl server;
    private final Runnable awaitProcessed;

    /**
     * @param awaitProcessed blocks until the server has processed what was sent: the server cancels a running
     *        update when the next edit arrives, so a project must be registered before its files are opened
     */
    WorkspaceWatcher(LanguageServerImpl server, Runnable awaitProcessed) {
        this.server = server;
        this.awaitProcessed = awaitProcessed;
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        if (event.getDelta() == null) {
            return;
        }
        List<WorkspaceFolder> added = new ArrayList<>();
        List<WorkspaceFolder> removed = new ArrayList<>();
        List<FileEvent> files = new ArrayList<>();
        try {
            event.getDelta().accept(delta -> visit(delta, added, removed, files));
        } catch (CoreException e) {
            return;
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            server.didChangeWorkspaceFolders(
                    new DidChangeWorkspaceFoldersParams(new WorkspaceFoldersChangeEvent(added, removed)));
        }
        if (!files.isEmpty()) {
            server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(files));
        }
        if (!added.isEmpty() || !removed.isEmpty() || !files.isEmpty()) {
            awaitProcessed.run();
        }
    }

    private static boolean visit(IResourceDelta delta, List<WorkspaceFolder> added, List<WorkspaceFolder> removed,
            List<FileEvent> files) {
        IResource resource = delta.getResource();
        if (resource instanceof IProject project) {
            return visitProject(delta, project, added, removed);
        }
        if (resource instanceof IFile file && EdgeUi.EDGE_FILE_EXTENSION.equals(file.getFileExtension())
                && file.getLocationURI() != null) {
            FileChangeType type = switch (delta.getKind()) {
                case IResourceDelta.ADDED -> FileChangeType.Created;
                case IResourceDelta.REMOVED -> FileChangeType.Deleted;
                default -> (delta.getFlags() & IResourceDelta.CONTENT) != 0 ? FileChangeType.Changed : null;
            };
            if (type != null) {
                files.add(new FileEvent(Uris.toLsp(file), type));
            }
        }
        return true;
    }

    private static boolean visitProject(IResourceDelta delta, IProject project, List<WorkspaceFolder> added,
            List<WorkspaceFolder> removed) {
        boolean opened = (delta.getFlags() & IResourceDelta.OPEN) != 0;
        if (project.getLocationURI() == null) {
            return false;
        }
        WorkspaceFolder folder = new WorkspaceFolder(Uris.toLsp(project.getLocationURI()), project.getName());
        if (delta.getKind() == IResourceDelta.ADDED && project.isOpen() || opened && project.isOpen()) {
            added.add(folder);
            return false; // the server scans a new folder itself
        }
        if (delta.getKind() == IResourceDelta.REMOVED || opened && !project.isOpen()) {
            removed.add(folder);
            return false;
        }
        return project.isOpen();
    }
}
