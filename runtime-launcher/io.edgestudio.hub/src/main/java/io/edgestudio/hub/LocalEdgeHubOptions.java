package io.edgestudio.hub;

import io.edgestudio.hub.upstream.UpstreamRecording;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a local edge hub.
 *
 * @param stateDirectory identities, certificates, module credentials and the message store live here (the user
 *        may wipe it)
 * @param deviceId the edge device id
 * @param hubHostName the IoT hub host name in connection strings (must contain a dot)
 * @param tlsAddress the MQTT over TLS listener; modules using the SDK need port 8883
 * @param plainAddress an optional plain MQTT listener for tools; null for none
 * @param persistent whether messages are stored in RocksDB (otherwise in memory)
 * @param inflightWindow unacknowledged QoS 1 messages per module
 * @param inflightTimeout after how long an unacknowledged message is given up
 * @param maintenanceInterval how often in-flight expiry and the TTL cleanup pass run
 * @param managementAddress the management HTTP API listener; null for none
 * @param workloadAddress the workload API listener (IOTEDGE_WORKLOADURI, for modules without a connection
 *        string): 127.0.0.1, since the Java SDK sends plain HTTP only to {@code localhost}; null for none
 * @param methodsPort the HTTPS port for module → module direct methods on the TLS listener's address; the SDK
 *        always uses {@value #METHODS_PORT}; 0 picks a free one; null for none. If it cannot be bound (443 needs
 *        root), the hub runs without it and logs why
 * @param upstreamRecording the size limits of {@code <state>/upstream/messages.jsonl}; null records upstream
 *        messages in memory only
 */
public record LocalEdgeHubOptions(Path stateDirectory, String deviceId, String hubHostName,
        InetSocketAddress tlsAddress, InetSocketAddress plainAddress, boolean persistent, int inflightWindow,
        Duration inflightTimeout, Duration maintenanceInterval, InetSocketAddress managementAddress,
        InetSocketAddress workloadAddress, Integer methodsPort, UpstreamRecording upstreamRecording) {

    /** The SDK's fixed MQTT over TLS port. */
    public static final int MQTT_TLS_PORT = 8883;
    /** iotedgehubdev's message API port. */
    public static final int MANAGEMENT_PORT = 53000;
    /** The SDK's fixed HTTPS port for module → module direct methods. */
    public static final int METHODS_PORT = 443;

    /**
     * Options with a workload API, methods on {@value #METHODS_PORT} and the default upstream record
     * ({@link UpstreamRecording#DEFAULT}).
     */
    public LocalEdgeHubOptions(Path stateDirectory, String deviceId, String hubHostName,
            InetSocketAddress tlsAddress, InetSocketAddress plainAddress, boolean persistent, int inflightWindow,
            Duration inflightTimeout, Duration maintenanceInterval, InetSocketAddress managementAddress,
            InetSocketAddress workloadAddress) {
        this(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent, inflightWindow,
                inflightTimeout, maintenanceInterval, managementAddress, workloadAddress, METHODS_PORT,
                UpstreamRecording.DEFAULT);
    }

    /** Options without a workload API, with methods on {@value #METHODS_PORT} and the default upstream record. */
    public LocalEdgeHubOptions(Path stateDirectory, String deviceId, String hubHostName,
            InetSocketAddress tlsAddress, InetSocketAddress plainAddress, boolean persistent, int inflightWindow,
            Duration inflightTimeout, Duration maintenanceInterval, InetSocketAddress managementAddress) {
        this(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent, inflightWindow,
                inflightTimeout, maintenanceInterval, managementAddress, null);
    }

    /**
     * @param stateDirectory the state directory
     * @param bindHost the loopback address (its name is also the gateway host name)
     * @return defaults: device {@code edgestudio-device}, hub {@code edgestudio.local}, TLS on 8883, methods on
     *         443, persistent, upstream recorded to 5 files of 10 MB, no plain listener, no management API
     */
    public static LocalEdgeHubOptions defaults(Path stateDirectory, String bindHost) {
        return new LocalEdgeHubOptions(stateDirectory, "edgestudio-device", "edgestudio.local",
                new InetSocketAddress(bindHost, MQTT_TLS_PORT), null, true, 100, Duration.ofSeconds(60),
                Duration.ofSeconds(5), null);
    }

    /** @return the name modules connect to and the hub certificate carries */
    public String gatewayHostName() {
        return tlsAddress.getHostString();
    }

    /** @return where the module → module methods listener binds: the TLS listener's address; null for none */
    public InetSocketAddress methodsAddress() {
        return methodsPort == null ? null : new InetSocketAddress(tlsAddress.getAddress(), methodsPort);
    }

    /**
     * @param address the TLS listener address
     * @return a copy listening there
     */
    public LocalEdgeHubOptions withTlsAddress(InetSocketAddress address) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, address, plainAddress, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, managementAddress, workloadAddress, methodsPort,
                upstreamRecording);
    }

    /**
     * @param address the plain MQTT listener address, or null for none
     * @return a copy listening there
     */
    public LocalEdgeHubOptions withPlainAddress(InetSocketAddress address) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, tlsAddress, address, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, managementAddress, workloadAddress, methodsPort,
                upstreamRecording);
    }

    /**
     * @param address the management HTTP API address, or null for none
     * @return a copy serving the API there
     */
    public LocalEdgeHubOptions withManagementAddress(InetSocketAddress address) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, address, workloadAddress, methodsPort,
                upstreamRecording);
    }

    /**
     * @param address the workload API address (127.0.0.1 for the Java SDK; port 0 picks a free one), or null
     * @return a copy serving the workload API there
     */
    public LocalEdgeHubOptions withWorkloadAddress(InetSocketAddress address) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, managementAddress, address, methodsPort,
                upstreamRecording);
    }

    /**
     * @param port the module → module methods port on the TLS address (443 for the SDK, 0 for a free one), or
     *        null for none
     * @return a copy serving methods there
     */
    public LocalEdgeHubOptions withMethodsPort(Integer port) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, managementAddress, workloadAddress, port,
                upstreamRecording);
    }

    /**
     * @param recording the size limits of the upstream record file, or null to keep upstream messages in memory only
     * @return a copy recording so
     */
    public LocalEdgeHubOptions withUpstreamRecording(UpstreamRecording recording) {
        return new LocalEdgeHubOptions(stateDirectory, deviceId, hubHostName, tlsAddress, plainAddress, persistent,
                inflightWindow, inflightTimeout, maintenanceInterval, managementAddress, workloadAddress, methodsPort,
                recording);
    }
}
