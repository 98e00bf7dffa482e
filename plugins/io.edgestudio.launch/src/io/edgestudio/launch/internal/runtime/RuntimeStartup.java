package io.edgestudio.launch.internal.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * Waits until a freshly started runtime's management API answers, failing early, with the runtime's own words,
 * if the process exits first.
 */
public final class RuntimeStartup {

    /** How long a runtime may take to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 25;

    private final GracefulProcess runtime;
    private final RuntimeSettings settings;

    /** Startup of {@code runtime}, which listens as {@code settings} say. */
    public RuntimeStartup(GracefulProcess runtime, RuntimeSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    /** Returns when the API answers; terminates the runtime on failure or cancellation. */
    public void awaitReady(IProgressMonitor monitor) throws CoreException {
        ManagementClient client = new ManagementClient(settings.managementUri());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Process process = runtime.process();
        try {
            while (!client.isReachable()) {
                if (monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new CoreException(Status.error("The local edge runtime exited with code "
                            + process.exitValue() + " before it was ready" + output()));
                }
                if (System.nanoTime() > deadline) {
                    throw new CoreException(Status.error("The local edge runtime did not answer on "
                            + settings.managementUri() + " within " + TIMEOUT.toSeconds() + " s" + output()));
                }
            }
        } catch (CoreException | RuntimeException e) {
            stop();
            throw e;
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    private void stop() {
        try {
            runtime.terminate();
        } catch (DebugException e) {
            // the launch shows the process state; the original failure is what matters
        }
    }

    private String output() {
        // the process has exited: its output is complete once the launch has read its streams to the end
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!runtime.isTerminated() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        IStreamsProxy streams = runtime.getStreamsProxy();
        if (streams == null) {
            return ".";
        }
        String text = (streams.getErrorStreamMonitor().getContents() + streams.getOutputStreamMonitor().getContents())
                .strip();
        return text.isEmpty() ? "." : ":\n" + text;
    }
}
