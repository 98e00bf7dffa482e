package io.edgestudio.hub.core;

import java.time.Duration;

/**
 * The hub's tunables.
 *
 * @param hubHostName the IoT hub host name in connection strings and SAS audiences (contains a dot)
 * @param inflightWindow how many QoS 1 messages a module may have unacknowledged
 * @param inflightTimeout after how long an unacknowledged message is given up
 * @param timeToLiveSecs the global store-and-forward TTL; negative means infinite
 */
public record HubSettings(String hubHostName, int inflightWindow, Duration inflightTimeout, long timeToLiveSecs) {

    /**
     * @param hubHostName the IoT hub host name
     * @return defaults: window 100, in-flight timeout 60 s, TTL 7200 s
     */
    public static HubSettings defaults(String hubHostName) {
        return new HubSettings(hubHostName, 100, Duration.ofSeconds(60), 7200);
    }

    /**
     * @param window the in-flight window
     * @param timeout the in-flight timeout
     * @return a copy with other in-flight settings
     */
    public HubSettings withInflight(int window, Duration timeout) {
        return new HubSettings(hubHostName, window, timeout, timeToLiveSecs);
    }
}
