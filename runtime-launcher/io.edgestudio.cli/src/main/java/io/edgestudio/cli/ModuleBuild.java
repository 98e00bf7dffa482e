package io.edgestudio.cli;

import io.edgestudio.agent.process.CommandResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds generated Java modules ({@code modules/<name>/pom.xml}) into their runnable jars with Maven, skipping
 * those whose jar is newer than their sources. Maven is the repository's wrapper ({@code mvnw}) when the
 * command runs from an Edge Studio checkout, else {@code mvn} on the PATH. It builds offline first (the usual
 * case once the libraries are in the local repository) and online only if something is missing. All modules
 * build in one Maven run (an aggregator under the state directory); the log goes to
 * {@code <state>/build/maven.log}.
 */
final class ModuleBuild {

    /** Thrown when the build fails; the message ends with the tail of Maven's log. */
    static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }

    private static final long TIMEOUT_MINUTES = 15;

    private final Path buildDirectory;
    private final Console console;

    ModuleBuild(Path stateDirectory, Console console) {
        this.buildDirectory = stateDirectory.resolve("build");
        this.console = console;
    }

    /**
     * @param projects module name → project directory
     * @return the modules built (not those up to date)
     */
    List<String> build(Map<String, Path> projects) throws BuildException, IOException, InterruptedException {
        List<String> stale = projects.entrySet().stream().filter(e -> stale(e.getKey(), e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (stale.isEmpty()) {
            return stale;
        }
        Files.createDirectories(buildDirectory);
        Path aggregator = writeAggregator(stale.stream().map(projects::get).toList());
        List<String> maven = maven();
        console.note("building " + String.join(", ", stale) + " with " + maven.getFirst() + " ...");
        long started = System.nanoTime();
        Path log = buildDirectory.resolve("maven.log");
        if (run(maven, aggregator, true, log) != 0) {
            String text = Files.readString(log);
            boolean missing = text.contains("offline") || text.contains("has not been downloaded");
            if (!missing || run(maven, aggregator, false, log) != 0) {
                throw new BuildException("building " + String.join(", ", stale) + " failed; Maven said:\n"
                        + tail(Files.readString(log), 40) + "\n(full log: " + log + ")");
            }
        }
        console.note("built " + String.join(", ", stale) + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) / 100 / 10.0 + " s");
        return stale;
    }

    private int run(List<String> maven, Path aggregator, boolean offline, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(maven);
        command.addAll(List.of("-B", "-q", "-f", aggregator.toString(), "package", "-DskipTests"));
        if (offline) {
            command.add("-o");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(buildDirectory.toFile());
        // Maven looks for .mvn/ from here, not from a checkout the solution may lie in.
        builder.environment().put("MAVEN_BASEDIR", buildDirectory.toString());
        if (System.getenv("JAVA_HOME") == null) {
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("Maven did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        return process.exitValue();
    }

    private Path writeAggregator(List<Path> projects) throws IOException {
        StringBuilder modules = new StringBuilder();
        for (Path project : projects) {
            modules.append("    <module>").append(buildDirectory.relativize(project.toAbsolutePath().normalize()))
                    .append("</module>\n");
        }
        return Files.writeString(buildDirectory.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by edge run: builds the solution's generated Java modules in one Maven run. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>edgestudio.local</groupId>
                  <artifactId>modules</artifactId>
                  <version>0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules));
    }

    /** The wrapper of an Edge Studio checkout that holds this command, else {@code mvn}. */
    static List<String> maven() throws BuildException {
        Optional<Path> wrapper = checkout().map(root -> root.resolve("mvnw")).filter(Files::isExecutable);
        if (wrapper.isPresent()) {
            return List.of(wrapper.get().toString());
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "mvn"))) {
                return List.of(Path.of(directory, "mvn").toString());
            }
        }
        throw new BuildException("no Maven to build the generated Java modules: install Maven 3.9+ (mvn on the "
                + "PATH) or run edge from an Edge Studio checkout (./edge uses its ./mvnw)");
    }

    /** @return the Edge Studio checkout this command's jar lies in, if any */
    static Optional<Path> checkout() {
        try {
            Path location = Path.of(ModuleBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = location.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("runtime-launcher"))) {
                    return Optional.of(dir);
                }
            }
        } catch (Exception e) {
            // not from a file: no checkout
        }
        return Optional.empty();
    }

    private static boolean stale(String module, Path project) {
        Path jar = project.resolve("target").resolve(CommandResolver.finalName(project, module) + ".jar");
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        try (Stream<Path> sources = Stream.concat(Stream.of(project.resolve("pom.xml")),
                Files.exists(project.resolve("src/main")) ? Files.walk(project.resolve("src/main")) : Stream.empty())) {
            FileTime built = Files.getLastModifiedTime(jar);
            return sources.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        } catch (IOException e) {
            return true;
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
