package io.edgestudio.agent.process;

import io.edgestudio.agent.ModuleLaunch;
import io.edgestudio.agent.ModuleStartException;
import io.edgestudio.agent.sensor.SimulatedTemperatureSensor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the local command of a module, in this order:
 * <ol>
 * <li>its entry in {@code edge-run.json} beside the solution ({@link RunFile});</li>
 * <li>a generated Java module, {@code modules/<name>/pom.xml}: its shaded jar
 *     {@code modules/<name>/target/<finalName>.jar}, run with the runtime's Java;</li>
 * <li>a known image with a built-in stand-in: {@code mcr.microsoft.com/azureiotedge-simulated-temperature-sensor}
 *     runs {@link SimulatedTemperatureSensor};</li>
 * <li>otherwise the module cannot run as a process, and the error says what to add to the side file.</li>
 * </ol>
 * Java commands get the JDWP agent when a debug port is given for the module, and a class-data archive (per
 * module jar; per runtime class path and Java for the stand-ins) so later starts are faster.
 *
 * @param solutionDirectory the solution's directory (holds {@code modules/} and {@code edge-run.json})
 * @param runFile the side file's entries
 * @param java the {@code java} executable
 * @param debugPorts JDWP ports per module
 * @param debugHost the address JDWP listens on
 * @param classDataDirectory where the class-data archives go; null for none
 * @param runtimeClasspath the class path holding the built-in stand-ins (this module and the SDK)
 */
public record CommandResolver(Path solutionDirectory, RunFile runFile, Path java, Map<String, Integer> debugPorts,
        String debugHost, Path classDataDirectory, String runtimeClasspath) {

    /** The image the built-in sensor stands in for (any tag). */
    public static final String SIMULATED_SENSOR_IMAGE = "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor";
    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>\\s*([^<\\s]+)\\s*</finalName>");

    /** Copies the debug ports. */
    public CommandResolver {
        debugPorts = Map.copyOf(debugPorts);
    }

    /** @return the {@code java} of the JDK this runtime runs on */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * @param launch the module
     * @return its command
     * @throws ModuleStartException if it has none, or its jar is not built
     */
    public ProcessCommand resolve(ModuleLaunch launch) throws ModuleStartException {
        String module = launch.module();
        var entry = runFile.entry(module);
        Map<String, String> extraEnv = entry.map(RunFile.Entry::environment).orElse(Map.of());
        if (entry.isPresent() && entry.get().runs()) {
            RunFile.Entry e = entry.get();
            String origin = solutionDirectory.resolve(RunFile.NAME) + " $.modules." + module;
            List<String> command = e.jar() == null ? e.command() : javaJar(module, existingJar(module, e.jar(), origin));
            return new ProcessCommand(command, e.workingDirectory(), e.environment(), origin);
        }
        Path project = javaProject(module);
        if (project != null) {
            Path jar = existingJar(module, project.resolve("target").resolve(finalName(project, module) + ".jar"),
                    "generated Java module " + project);
            return new ProcessCommand(javaJar(module, jar), project, extraEnv, jar.toString());
        }
        String image = launch.spec().image() == null ? "" : launch.spec().image();
        if (image.equals(SIMULATED_SENSOR_IMAGE) || image.startsWith(SIMULATED_SENSOR_IMAGE + ":")) {
            List<Path> classPath = Arrays.stream(runtimeClasspath.split(File.pathSeparator))
                    .filter(element -> !element.isBlank()).map(Path::of).toList();
            // named after what it archives, so that edges sharing the directory share it
            List<String> command = java(module, classPath, SimulatedTemperatureSensor.class.getSimpleName() + "-"
                    + Integer.toHexString((runtimeClasspath + "|" + java).hashCode()));
            // the SDK logs every connection step at INFO; the stand-in's own lines are what matter
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", runtimeClasspath,
                    SimulatedTemperatureSensor.class.getName()));
            return new ProcessCommand(command, solutionDirectory, extraEnv, "built-in stand-in for " + image);
        }
        throw new ModuleStartException("module " + module + " (image " + image + ") has no local command: add "
                + "\"modules." + module + ".command\" to " + solutionDirectory.resolve(RunFile.NAME)
                + " or run it with a container backend");
    }

    /**
     * @param module a module name
     * @return whether it runs as a local process by a command of its own: an {@code edge-run.json} entry with
     *         {@code command} or {@code jar}, or a generated Java module (built or not)
     */
    public boolean hasLocalCommand(String module) {
        return runFile.entry(module).map(RunFile.Entry::runs).orElse(false) || javaProject(module) != null;
    }

    /**
     * @param module a module name
     * @return its generated Java project directory ({@code modules/<name>} with a {@code pom.xml}), or null
     */
    public Path javaProject(String module) {
        Path project = solutionDirectory.resolve("modules").resolve(module);
        return Files.isRegularFile(project.resolve("pom.xml")) ? project : null;
    }

    /**
     * @param project a generated Java module project
     * @param module its module name
     * @return the jar's base name: the pom's {@code finalName}, else the lower-case module name
     */
    public static String finalName(Path project, String module) {
        try {
            Matcher matcher = FINAL_NAME.matcher(Files.readString(project.resolve("pom.xml")));
            if (matcher.find()) {
                return matcher.group(1);
            }
        } catch (IOException e) {
            // fall back to the generator's convention
        }
        return module.toLowerCase(Locale.ROOT);
    }

    private static Path existingJar(String module, Path jar, String origin) throws ModuleStartException {
        if (!Files.isRegularFile(jar)) {
            throw new ModuleStartException("module " + module + ": " + jar + " does not exist (" + origin
                    + "); build it first (mvn package; edge run builds generated modules itself)");
        }
        return jar;
    }

    private List<String> javaJar(String module, Path jar) {
        List<String> command = java(module, List.of(jar),
                module + "-" + Integer.toHexString(jar.toAbsolutePath().toString().hashCode()));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private List<String> java(String module, List<Path> classPath, String archiveName) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // Modules are small and short-lived while developing: start fast rather than peak fast.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        if (classDataDirectory != null) {
            command.add("-XX:+AutoCreateSharedArchive");
            Path archive = classDataDirectory.resolve(archiveName + ".jsa");
            removeIfOlder(archive, classPath);
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        }
        Integer port = debugPorts.get(module);
        if (port != null) {
            command.add("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=" + debugHost + ":" + port);
        }
        return command;
    }

    /**
     * The JVM rewrites a class-data archive made by another JDK, but keeps ignoring one made for an older build of
     * the module's jar: such an archive is removed so that the next start writes a new one.
     */
    static void removeIfOlder(Path archive, List<Path> classPath) {
        try {
            if (!Files.exists(archive)) {
                return;
            }
            var written = Files.getLastModifiedTime(archive);
            for (Path entry : classPath) {
                if (Files.isRegularFile(entry) && Files.getLastModifiedTime(entry).compareTo(written) > 0) {
                    Files.deleteIfExists(archive);
                    return;
                }
            }
        } catch (IOException e) {
            // the JVM runs without the archive then
        }
    }
}
