package io.edgestudio.hub.management;

import java.time.Instant;

/**
 * A module's runtime status, with the names edgeAgent reports ({@code runtimeStatus}, {@code exitCode}, ...).
 *
 * @param runtimeStatus {@code running}, {@code backoff}, {@code stopped}, {@code failed}, {@code external}
 *        (started by someone else, e.g. the IDE) or {@code unknown}
 * @param statusDescription why it has this status, for people; may be empty
 * @param exitCode the exit code of the last run; null if it has not exited yet
 * @param restartCount restarts since the last manual start or since it ran long enough to reset the back-off
 * @param processId the process id or container id of the current run; null when not running
 * @param lastStartTime when it last started; null if never
 * @param lastExitTime when it last exited; null if never
 */
public record ModuleRuntimeStatus(String runtimeStatus, String statusDescription, Integer exitCode,
        int restartCount, String processId, Instant lastStartTime, Instant lastExitTime) {
}
