package io.edgestudio.agent;

import io.edgestudio.hub.management.ModuleRuntimeStatus;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/** The mutable state of one supervised module; guarded by the instance's monitor, changed by the supervisor. */
final class SupervisedModule {

    final ModuleLaunch launch;
    final RestartPolicy policy;
    final boolean external;
    boolean desiredRunning;
    /** Counts runs, so that the exit of an old run is told apart from the current one's. */
    long run;
    ModuleHandle handle;
    ScheduledFuture<?> pendingRestart;
    boolean restartWhenExited;
    String status = "unknown";
    String description = "";
    Integer exitCode;
    int restartCount;
    Instant lastStart;
    Instant lastExit;

    SupervisedModule(ModuleLaunch launch, RestartPolicy policy, boolean external, boolean desiredRunning) {
        this.launch = launch;
        this.policy = policy;
        this.external = external;
        this.desiredRunning = desiredRunning;
    }

    String name() {
        return launch.module();
    }

    ModuleRuntimeStatus snapshot() {
        return new ModuleRuntimeStatus(status, description, exitCode, restartCount,
                handle == null ? null : handle.id(), lastStart, lastExit);
    }

    void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }
}
