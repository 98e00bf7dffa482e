package io.edgestudio.ui.internal.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;
import io.edgestudio.ui.internal.lsp.LspRanges;
import io.edgestudio.ui.internal.lsp.TextEdits;
import io.edgestudio.ui.internal.lsp.Uris;

/** The language server's quick fixes (LSP code actions) for a problem marker, and applying their edits. */
final class CodeActions {

    private CodeActions() {
    }

    /** Code actions that carry an edit for the problem {@code marker} describes. */
    static List<CodeAction> forMarker(IMarker marker) {
        Range range = LspRanges.parse(marker.getAttribute(EdgeUi.PROBLEM_RANGE, null));
        if (range == null || !(marker.getResource() instanceof IFile file)) {
            return List.of();
        }
        Diagnostic diagnostic = new Diagnostic(range, marker.getAttribute(IMarker.MESSAGE, ""),
                marker.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR) == IMarker.SEVERITY_ERROR
                        ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                "edge", marker.getAttribute(EdgeUi.PROBLEM_CODE, null));
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(Uris.toLsp(file)), range,
                new CodeActionContext(List.of(diagnostic)));
        EdgeLanguageServer server = EdgeUi.languageServer();
        List<Either<Command, CodeAction>> answer = server.await(() -> server.services().codeAction(params));
        List<CodeAction> actions = new ArrayList<>();
        for (Either<Command, CodeAction> entry : answer == null ? List.<Either<Command, CodeAction>>of() : answer) {
            if (entry.isRight() && entry.getRight().getEdit() != null) {
                actions.add(entry.getRight());
            }
        }
        return actions;
    }

    /**
     * Applies a workspace edit through the files' text buffers: an open editor shows the change (unsaved, as
     * any edit); a file no editor shows is changed and saved.
     */
    static void apply(WorkspaceEdit edit) throws CoreException {
        if (edit.getChanges() != null) {
            for (Map.Entry<String, List<TextEdit>> change : edit.getChanges().entrySet()) {
                apply(change.getKey(), change.getValue());
            }
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change.isLeft()) {
                    TextDocumentEdit documentEdit = change.getLeft();
                    List<TextEdit> edits = documentEdit.getEdits().stream()
                            .filter(Either::isLeft).map(Either::getLeft).toList();
                    apply(documentEdit.getTextDocument().getUri(), edits);
                }
            }
        }
    }

    private static void apply(String uri, List<TextEdit> edits) throws CoreException {
        IFile file = Uris.toFile(uri).orElse(null);
        if (file == null) {
            return;
        }
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        manager.connect(file.getFullPath(), LocationKind.IFILE, null);
        try {
            ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
            boolean shownInEditor = buffer.isShared() || buffer.isDirty();
            TextEdits.apply(buffer.getDocument(), edits);
            if (!shownInEditor) {
                buffer.commit(null, true);
            }
        } finally {
            manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
        }
    }
}
