package io.edgestudio.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the agent runs a deployment's modules.
 *
 * @param solutionDirectory the solution's directory: generated Java modules under {@code modules/}, the side
 *        file {@code edge-run.json}
 * @param externalModules modules someone else starts (an IDE under its debugger); their environment file is
 *        written all the same
 * @param debugPorts JDWP ports for Java modules, by module
 * @param backoff the restart back-off
 * @param stopTimeout how long a graceful stop may take before a module is killed
 * @param workloadUri the workload API URI given to modules as {@code IOTEDGE_WORKLOADURI}; null for the hub's own
 *        workload API when it runs one, else none
 * @param runtimeClasspath the class path of this runtime (this module and the device SDK), for built-in
 *        stand-in modules
 * @param workloadOnly give modules only the {@code IOTEDGE_*} set, as the IoT Edge daemon does: no
 *        {@code EdgeHubConnectionString} or {@code EdgeModuleCACertificateFile}, so SDK modules sign their tokens
 *        through the workload API (which the hub must then run)
 * @param classDataDirectory where the class-data archives of Java process modules go; null for
 *        {@code <state>/agent/cds}. The archives of the built-in stand-ins are named after the runtime's class path
 *        and Java, so every edge that is given the same directory shares them
 */
public record AgentOptions(Path solutionDirectory, Set<String> externalModules, Map<String, Integer> debugPorts,
        RestartBackoff backoff, Duration stopTimeout, String workloadUri, String runtimeClasspath,
        boolean workloadOnly, Path classDataDirectory) {

    /** Copies the collections. */
    public AgentOptions {
        externalModules = Set.copyOf(externalModules);
        debugPorts = Map.copyOf(debugPorts);
    }

    /** Options that give modules the connection string as well as the {@code IOTEDGE_*} set. */
    public AgentOptions(Path solutionDirectory, Set<String> externalModules, Map<String, Integer> debugPorts,
            RestartBackoff backoff, Duration stopTimeout, String workloadUri, String runtimeClasspath) {
        this(solutionDirectory, externalModules, debugPorts, backoff, stopTimeout, workloadUri, runtimeClasspath,
                false, null);
    }

    /**
     * @param solutionDirectory the solution's directory
     * @return no external modules, no debugging, the default back-off, 10 s to stop, this JVM's class path
     */
    public static AgentOptions defaults(Path solutionDirectory) {
        return new AgentOptions(solutionDirectory, Set.of(), Map.of(), RestartBackoff.DEFAULT,
                Duration.ofSeconds(10), null, System.getProperty("java.class.path"), false, null);
    }

    /**
     * @param modules modules someone else starts
     * @return a copy with them
     */
    public AgentOptions withExternalModules(Set<String> modules) {
        return new AgentOptions(solutionDirectory, modules, debugPorts, backoff, stopTimeout, workloadUri,
                runtimeClasspath, workloadOnly, classDataDirectory);
    }

    /**
     * @param ports JDWP ports by module
     * @return a copy with them
     */
    public AgentOptions withDebugPorts(Map<String, Integer> ports) {
        return new AgentOptions(solutionDirectory, externalModules, ports, backoff, stopTimeout, workloadUri,
                runtimeClasspath, workloadOnly, classDataDirectory);
    }

    /**
     * @param restartBackoff the back-off
     * @return a copy with it
     */
    public AgentOptions withBackoff(RestartBackoff restartBackoff) {
        return new AgentOptions(solutionDirectory, externalModules, debugPorts, restartBackoff, stopTimeout,
                workloadUri, runtimeClasspath, workloadOnly, classDataDirectory);
    }

    /**
     * @param only whether modules get only the {@code IOTEDGE_*} set (no connection string)
     * @return a copy with it
     */
    public AgentOptions withWorkloadOnly(boolean only) {
        return new AgentOptions(solutionDirectory, externalModules, debugPorts, backoff, stopTimeout, workloadUri,
                runtimeClasspath, only, classDataDirectory);
    }

    /**
     * @param directory where the class-data archives of Java process modules go
     * @return a copy with it
     */
    public AgentOptions withClassDataDirectory(Path directory) {
        return new AgentOptions(solutionDirectory, externalModules, debugPorts, backoff, stopTimeout, workloadUri,
                runtimeClasspath, workloadOnly, directory);
    }
}
