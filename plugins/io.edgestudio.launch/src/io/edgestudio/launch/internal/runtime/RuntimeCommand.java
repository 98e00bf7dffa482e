package io.edgestudio.launch.internal.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows the bundled runtime's command line. Today the runtime is the local edge hub
 * ({@code HubMain}); modules the IDE launches itself connect to it with the credentials it writes under
 * {@code <stateDirectory>/modules/<module>.env}.
 *
 * @param java the {@code java} executable (JDK 21 or newer)
 * @param runtimeJar the runnable runtime jar shipped in this bundle
 * @param manifest the deployment manifest to run
 * @param stateDirectory identities, certificates, credentials and the message store of this launch
 * @param settings addresses, ports and device id
 */
public record RuntimeCommand(Path java, Path runtimeJar, Path manifest, Path stateDirectory,
        RuntimeSettings settings) {

    /** The command line, program first. */
    public List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(runtimeJar.toString());
        command.add("--manifest");
        command.add(manifest.toString());
        command.add("--state-dir");
        command.add(stateDirectory.toString());
        command.add("--bind");
        command.add(settings.bindAddress());
        command.add("--mqtt-port");
        command.add(Integer.toString(settings.mqttPort()));
        if (settings.plainPort() > 0) {
            command.add("--plain-port");
            command.add(Integer.toString(settings.plainPort()));
        }
        command.add("--management-port");
        command.add(Integer.toString(settings.managementPort()));
        command.add("--device-id");
        command.add(settings.deviceId());
        return command;
    }

    /** Where the runtime writes the environment file of a module. */
    public Path moduleEnvironmentFile(String module) {
        return stateDirectory.resolve("modules").resolve(module + ".env");
    }
}
