package io.edgestudio.launch.internal.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;

/**
 * A child process shown in the Debug view with its console that stops gracefully (SIGTERM, so the runtime stops
 * the modules its agent started and closes its store and listeners) and is killed with its descendants if it has
 * not exited after a grace period; descendants still alive after it exited are killed too, so none is left.
 */
public final class GracefulProcess extends RuntimeProcess {

    /** How long a graceful stop may take before the process is killed. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    /** Wraps {@code process} and adds it to {@code launch}. */
    public GracefulProcess(ILaunch launch, Process process, String name, Map<String, String> attributes) {
        super(launch, process, name, attributes);
    }

    /** The operating-system process. */
    public Process process() {
        return getSystemProcess();
    }

    @Override
    public boolean canTerminate() {
        return !isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        Process process = getSystemProcess();
        if (process != null && process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    // the modules the agent started meanwhile too
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    descendants.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        super.terminate();
    }
}
