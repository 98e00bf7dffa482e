package io.edgestudio.launch.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.debug.core.model.IProcess;

/**
 * Stops operating-system processes the way an Edge launch stops everything: a graceful stop (SIGTERM) to all of
 * them at once, then, after a grace period, a kill of whatever is left, their descendants included.
 */
public final class ProcessStop {

    private ProcessStop() {
    }

    /** The operating-system process of a Debug view process, while it runs. */
    public static Optional<ProcessHandle> of(IProcess process) {
        String pid = process.getAttribute(IProcess.ATTR_PROCESS_ID);
        if (pid == null || process.isTerminated()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops {@code processes} gracefully, then forcibly after {@code grace}.
     *
     * @return whether none of them nor of their descendants is left
     */
    public static boolean stop(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : processes) {
            all.add(process);
            all.addAll(process.descendants().toList());
        }
        processes.forEach(ProcessHandle::destroy);
        awaitExit(processes, grace);
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                all.addAll(process.descendants().toList());
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, grace);
        return all.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle process : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // judged by the caller
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
