package io.edgestudio.agent;

import java.util.Locale;

/** When edgeAgent restarts a module that exited ({@code restartPolicy} in the manifest). */
public enum RestartPolicy {
    /** Never restarted. */
    NEVER,
    /** Restarted when it exits with a non-zero code. */
    ON_FAILURE,
    /** Restarted when it crashes or is unhealthy; processes have no health check, so as {@link #ON_FAILURE}. */
    ON_UNHEALTHY,
    /** Restarted however it exits. */
    ALWAYS;

    /**
     * @param manifestValue {@code never}, {@code on-failure}, {@code on-unhealthy} or {@code always}; null or
     *        empty means {@code always}, edgeAgent's default
     * @return the policy
     * @throws IllegalArgumentException for another value
     */
    public static RestartPolicy of(String manifestValue) {
        if (manifestValue == null || manifestValue.isEmpty()) {
            return ALWAYS;
        }
        return switch (manifestValue) {
            case "never" -> NEVER;
            case "on-failure" -> ON_FAILURE;
            case "on-unhealthy" -> ON_UNHEALTHY;
            case "always" -> ALWAYS;
            default -> throw new IllegalArgumentException("restartPolicy must be never, on-failure, on-unhealthy "
                    + "or always, not " + manifestValue);
        };
    }

    /**
     * @param exitCode how the module exited
     * @return whether to restart it
     */
    public boolean restarts(int exitCode) {
        return this == ALWAYS || (this != NEVER && exitCode != 0);
    }

    /** @return the manifest spelling */
    public String manifestValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
