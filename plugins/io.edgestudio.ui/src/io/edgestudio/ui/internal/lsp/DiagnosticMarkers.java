package io.edgestudio.ui.internal.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

import io.edgestudio.ui.EdgeUi;

/**
 * Turns the server's diagnostics into problem markers: they show in the Problems view for every
 * {@code .edge} file of the workspace and as annotations in open editors. Updates are coalesced per file
 * and written by one workspace job, outside the server's threads.
 */
final class DiagnosticMarkers {

    private final Map<String, List<Diagnostic>> pending = new HashMap<>();
    private final WorkspaceJob job = new WorkspaceJob("Updating .edge problem markers") {
        @Override
        public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
            Map<String, List<Diagnostic>> batch;
            synchronized (pending) {
                batch = new HashMap<>(pending);
                pending.clear();
            }
            for (Map.Entry<String, List<Diagnostic>> entry : batch.entrySet()) {
                Uris.toFile(entry.getKey()).filter(IResource::exists).ifPresent(file -> replace(file, entry.getValue()));
            }
            return Status.OK_STATUS;
        }
    };

    DiagnosticMarkers() {
        job.setSystem(true);
    }

    void publish(String uri, List<Diagnostic> diagnostics) {
        synchronized (pending) {
            pending.put(uri, List.copyOf(diagnostics));
        }
        job.schedule();
    }

    private static void replace(IFile file, List<Diagnostic> diagnostics) {
        try {
            file.deleteMarkers(EdgeUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
            if (diagnostics.isEmpty()) {
                return;
            }
            Positions positions = new Positions(currentText(file));
            for (Diagnostic diagnostic : diagnostics) {
                file.createMarker(EdgeUi.PROBLEM_MARKER, attributes(diagnostic, positions));
            }
        } catch (CoreException | IOException e) {
            org.eclipse.core.runtime.ILog.of(DiagnosticMarkers.class)
                    .log(new Status(IStatus.ERROR, EdgeUi.PLUGIN_ID, "Cannot update problem markers of " + file, e));
        }
    }

    private static Map<String, Object> attributes(Diagnostic diagnostic, Positions positions) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(IMarker.MESSAGE, diagnostic.getMessage().isLeft()
                ? diagnostic.getMessage().getLeft() : diagnostic.getMessage().getRight().getValue());
        attributes.put(IMarker.SEVERITY, severity(diagnostic.getSeverity()));
        attributes.put(IMarker.LINE_NUMBER, diagnostic.getRange().getStart().getLine() + 1);
        attributes.put(IMarker.CHAR_START, positions.offset(diagnostic.getRange().getStart()));
        attributes.put(IMarker.CHAR_END, positions.offset(diagnostic.getRange().getEnd()));
        attributes.put(EdgeUi.PROBLEM_RANGE, LspRanges.format(diagnostic.getRange()));
        if (diagnostic.getCode() != null) {
            attributes.put(EdgeUi.PROBLEM_CODE, diagnostic.getCode().isLeft()
                    ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight()));
        }
        return attributes;
    }

    private static int severity(DiagnosticSeverity severity) {
        if (severity == null) {
            return IMarker.SEVERITY_ERROR;
        }
        return switch (severity) {
            case Error -> IMarker.SEVERITY_ERROR;
            case Warning -> IMarker.SEVERITY_WARNING;
            default -> IMarker.SEVERITY_INFO;
        };
    }

    /** The text the diagnostics were computed on: the editor buffer if one is open, else the file. */
    private static String currentText(IFile file) throws CoreException, IOException {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager()
                .getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
        if (buffer != null) {
            return buffer.getDocument().get();
        }
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        }
    }
}
