package io.edgestudio.launch.internal.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows the bundled runtime's command line: {@code edge run <manifest>}, which starts the local
 * edge hub and the agent. The agent starts every module of the deployment except the external ones, which the
 * IDE launches itself; they connect with the credentials the agent writes to
 * {@code <stateDirectory>/modules/<module>.env}.
 *
 * @param java the {@code java} executable (JDK 21 or newer)
 * @param runtimeJar the runtime's {@code edge.jar} (its libraries in {@code lib/} beside it)
 * @param manifest the deployment manifest to run (in the solution's {@code config/} folder, so that the agent
 *        finds the solution's {@code modules/} and {@code edge-run.json})
 * @param stateDirectory identities, certificates, credentials, module process records and the message store of
 *        this launch
 * @param settings addresses, ports, device id and offline start
 * @param externalModules modules the IDE launches (not started by the agent)
 * @param classDataArchive the runtime JVM's class-data archive (written on first use, for faster starts), or null;
 *        the archives of the Java modules the agent starts go into {@code modules/} beside it, where every launch
 *        (and the background preparation) shares those of the built-in stand-ins such as the simulated sensor
 */
public record RuntimeCommand(Path java, Path runtimeJar, Path manifest, Path stateDirectory, RuntimeSettings settings,
        List<String> externalModules, Path classDataArchive) {

    /** Copies the module list. */
    public RuntimeCommand {
        externalModules = List.copyOf(externalModules);
    }

    /** The command line, program first. */
    public List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // a development runtime: start fast rather than peak fast
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        if (classDataArchive != null) {
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + classDataArchive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        command.add("-jar");
        command.add(runtimeJar.toString());
        command.add("run");
        command.add(manifest.toString());
        if (classDataArchive != null) {
            command.add("--class-data-dir");
            command.add(classDataArchive.resolveSibling("modules").toString());
        }
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
        if (settings.startOffline()) {
            command.add("--offline");
        }
        for (String module : externalModules) {
            command.add("--external");
            command.add(module);
        }
        return command;
    }

    /** Where the runtime writes the environment file of a module. */
    public Path moduleEnvironmentFile(String module) {
        return stateDirectory.resolve("modules").resolve(module + ".env");
    }
}
