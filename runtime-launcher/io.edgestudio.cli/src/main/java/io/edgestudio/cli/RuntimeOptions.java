package io.edgestudio.cli;

import io.edgestudio.agent.AgentOptions;
import io.edgestudio.agent.RestartBackoff;
import io.edgestudio.agent.container.BackendMode;
import io.edgestudio.docker.DockerEngine;
import io.edgestudio.hub.LocalEdgeHubOptions;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code edge run} and {@code edge demo} share: where the local edge listens and keeps its state. */
final class RuntimeOptions {

    @Option(names = "--state-dir", paramLabel = "<dir>",
            description = "Identities, certificates, the message store, module env files (default: .edgestudio/ in "
                    + "the solution directory).")
    Path stateDirectory;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Loopback address to listen on; one per edge running side by side (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--mqtt-port", defaultValue = "8883",
            description = "MQTT over TLS port; the Azure IoT SDKs always use 8883 (default: ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--plain-port", defaultValue = "0",
            description = "Plain (non-TLS) MQTT port for tools, 0 for none (default: ${DEFAULT-VALUE}).")
    int plainPort;

    @Option(names = "--management-port", defaultValue = "53000",
            description = "Management HTTP API port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int managementPort;

    @Option(names = "--device-id", defaultValue = "edgestudio-device", description = "Edge device id (default: ${DEFAULT-VALUE}).")
    String deviceId;

    @Option(names = "--offline", description = "Start with upstream offline: messages to $upstream wait in the store.")
    boolean offline;

    @Option(names = "--external", paramLabel = "<module>",
            description = "Do not start this module (an IDE runs it); its environment is still written to "
                    + "<state-dir>/modules/<module>.env. Repeatable.")
    List<String> external = new ArrayList<>();

    @Option(names = "--debug", paramLabel = "<module>[=port]",
            description = "Start this Java module with a JDWP agent on 127.0.0.1:port (default 5005, then 5006, ...). "
                    + "Repeatable.")
    List<String> debug = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "auto|process|docker", defaultValue = "auto",
            converter = BackendModeConverter.class,
            description = { "Where modules run (default: ${DEFAULT-VALUE}). auto: a module with a local command "
                    + "(edge-run.json, generated Java module) as a process, a module with only an image as a container "
                    + "when a Docker engine answers (DOCKER_HOST or " + DockerEngine.DEFAULT_HOST + "), else as a "
                    + "process (built-in stand-in or an error); a module with a built-in stand-in uses it unless the "
                    + "engine has its image. process: every module as a process. docker: every module whose image "
                    + "the engine has, or that has neither a local command nor a stand-in, as a container (pulled if "
                    + "missing); no engine is exit code 6." })
    BackendMode backend;

    @Option(names = "--workload-port", paramLabel = "<port>", defaultValue = "0",
            description = "Port of the workload API modules get as IOTEDGE_WORKLOADURI, on 127.0.0.1 (the Java SDK "
                    + "sends plain HTTP only to localhost); 0 for a free one (default: ${DEFAULT-VALUE}).")
    int workloadPort;

    @Option(names = "--workload-only",
            description = "Give modules only the IOTEDGE_* variables, as the IoT Edge daemon does: no "
                    + "EdgeHubConnectionString, so SDK modules sign their tokens through the workload API.")
    boolean workloadOnly;

    @Option(names = "--class-data-dir", paramLabel = "<dir>",
            description = "Keep the class-data archives that make Java modules start faster in <dir> (default: "
                    + "<state>/agent/cds); edges given the same directory share the built-in stand-ins' archives.")
    Path classDataDirectory;

    @Option(names = "--restart-delay", paramLabel = "<ms>", defaultValue = "1000",
            description = "First restart back-off; doubles per restart up to 5 min (default: ${DEFAULT-VALUE}).")
    long restartDelayMillis;

    Path stateDirectory(Path solutionDirectory) {
        return (stateDirectory == null ? solutionDirectory.resolve(".edgestudio") : stateDirectory)
                .toAbsolutePath().normalize();
    }

    LocalEdgeHubOptions hubOptions(Path state) {
        LocalEdgeHubOptions defaults = LocalEdgeHubOptions.defaults(state, bind);
        return new LocalEdgeHubOptions(state, deviceId, defaults.hubHostName(), new InetSocketAddress(bind, mqttPort),
                plainPort > 0 ? new InetSocketAddress(bind, plainPort) : null, true, defaults.inflightWindow(), defaults.inflightTimeout(), defaults.maintenanceInterval(),
                new InetSocketAddress(bind, managementPort))
                .withWorkloadAddress(new InetSocketAddress("127.0.0.1", workloadPort));
    }

    BackendMode backendMode() {
        return backend;
    }

    /** {@code auto}, {@code process} or {@code docker}, in any case; anything else is a usage error (exit 2). */
    static final class BackendModeConverter implements CommandLine.ITypeConverter<BackendMode> {
        @Override
        public BackendMode convert(String value) {
            try {
                return BackendMode.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    AgentOptions agentOptions(Path solutionDirectory) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        int next = 5005;
        for (String entry : debug) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                while (ports.containsValue(next)) {
                    next++;
                }
                ports.put(entry, next);
            } else {
                try {
                    ports.put(entry.substring(0, equals), Integer.parseInt(entry.substring(equals + 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--debug " + entry + ": the port must be a number");
                }
            }
        }
        AgentOptions defaults = AgentOptions.defaults(solutionDirectory);
        return new AgentOptions(solutionDirectory, new LinkedHashSet<>(external), ports,
                new RestartBackoff(Duration.ofMillis(restartDelayMillis), RestartBackoff.DEFAULT.max(),
                        RestartBackoff.DEFAULT.resetAfter()),
                defaults.stopTimeout(), null, defaults.runtimeClasspath(), workloadOnly,
                classDataDirectory == null ? null : classDataDirectory.toAbsolutePath());
    }
}
