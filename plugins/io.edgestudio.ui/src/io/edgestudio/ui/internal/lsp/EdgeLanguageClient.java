package io.edgestudio.ui.internal.lsp;

import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

import io.edgestudio.ui.EdgeUi;

/** The Eclipse side of the in-process server: diagnostics become problem markers, messages go to the log. */
final class EdgeLanguageClient implements LanguageClient {

    private final DiagnosticMarkers markers = new DiagnosticMarkers();

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        markers.publish(diagnostics.getUri(), diagnostics.getDiagnostics());
    }

    @Override
    public void logMessage(MessageParams message) {
        log(message);
    }

    @Override
    public void showMessage(MessageParams message) {
        log(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        log(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
        // no telemetry
    }

    private static void log(MessageParams message) {
        int severity = switch (message.getType()) {
            case Error -> IStatus.ERROR;
            case Warning -> IStatus.WARNING;
            default -> IStatus.INFO;
        };
        if (message.getType() != MessageType.Log) {
            ILog.of(EdgeLanguageClient.class).log(new Status(severity, EdgeUi.PLUGIN_ID, message.getMessage()));
        }
    }
}
