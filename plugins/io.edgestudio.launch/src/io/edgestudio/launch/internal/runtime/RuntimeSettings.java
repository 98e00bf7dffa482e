package io.edgestudio.launch.internal.runtime;

import java.net.URI;

/**
 * Where a runtime listens and which device it plays.
 *
 * @param deviceId the edge device id
 * @param bindAddress loopback address of every listener (127.0.0.x lets solutions run side by side)
 * @param mqttPort MQTT over TLS port (the Azure IoT SDK always uses 8883)
 * @param plainPort plain MQTT port for tools, 0 = off
 * @param managementPort management HTTP API port
 * @param startOffline whether the upstream starts offline
 */
public record RuntimeSettings(String deviceId, String bindAddress, int mqttPort, int plainPort, int managementPort,
        boolean startOffline) {

    /** The MQTT over TLS port the Azure IoT SDKs always connect to. */
    public static final int SDK_MQTT_PORT = 8883;

    /** Base URI of the management API. */
    public URI managementUri() {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return URI.create("http://" + host + ":" + managementPort + "/");
    }
}
