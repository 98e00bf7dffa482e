package io.edgestudio.agent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One run of a module, as a backend started it. */
public interface ModuleHandle {

    /** @return the process id or container id */
    String id();

    /** @return completes with the exit code when the run ends, however it ends */
    CompletableFuture<Integer> exit();

    /**
     * Asks the module to stop (SIGTERM or the container's stop signal), waits up to {@code grace}, then kills
     * it. Returns when the run has ended.
     *
     * @param grace how long a graceful stop may take
     */
    void stop(Duration grace);
}
