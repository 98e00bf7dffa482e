package io.edgestudio.agent;

import java.time.Duration;

/**
 * edgeAgent's exponential back-off between restarts: {@code unit × 2^restarts}, at most {@code max}; a module
 * that ran for {@code resetAfter} without exiting starts over at zero restarts.
 *
 * @param unit the first delay (edgeAgent's {@code CoolOffTimeUnitInSeconds} is 10 s; locally 1 s is friendlier)
 * @param max the longest delay (edgeAgent: 5 min)
 * @param resetAfter how long a run must last to reset the count (edgeAgent's intensive care time: 10 min)
 */
public record RestartBackoff(Duration unit, Duration max, Duration resetAfter) {

    /** 1 s, 2 s, 4 s, ... up to 5 min; reset after 10 min of running. */
    public static final RestartBackoff DEFAULT =
            new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10));

    /**
     * @param restarts restarts so far
     * @return how long to wait before the next one
     */
    public Duration delay(int restarts) {
        int exponent = Math.min(restarts, 30);
        long millis = unit.toMillis() << exponent;
        return millis < 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
