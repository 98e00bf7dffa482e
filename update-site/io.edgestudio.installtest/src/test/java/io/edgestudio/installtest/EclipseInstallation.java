package io.edgestudio.installtest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An Eclipse installation on disk, unpacked from a product archive and started the way its users start
 * it: {@code java -jar plugins/org.eclipse.equinox.launcher_*.jar}, in a child process with a timeout.
 */
final class EclipseInstallation {

    /** Output and exit code of one run of the installation. */
    record Run(int exitCode, String output) {
    }

    private final Path home;
    private final String java;

    private EclipseInstallation(Path home, String java) {
        this.home = home;
        this.java = java;
    }

    /** Unpacks {@code productZip} into a new, empty {@code home}. */
    static EclipseInstallation unpack(Path productZip, Path home, String java) throws IOException {
        deleteRecursively(home);
        Files.createDirectories(home);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(productZip))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the installation: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new EclipseInstallation(home, java);
    }

    Path home() {
        return home;
    }

    /** Runs an Eclipse application (e.g. the p2 director) headless with the given arguments. */
    Run application(String application, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = launcherCommand();
        command.addAll(List.of("-nosplash", "-consoleLog", "-application", application));
        command.addAll(List.of(args));
        return run(command, null, timeout);
    }

    /**
     * Starts the installation's framework without an application and feeds {@code commands} to its OSGi
     * console, then stops it through the console.
     */
    Run console(Duration timeout, String... commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true"));
        command.addAll(launcherCommand().subList(1, launcherCommand().size()));
        command.addAll(List.of("-nosplash", "-consoleLog", "-console"));
        // "close" asks for confirmation; without the "y" the framework never stops.
        String input = String.join("\n", commands) + "\nclose\ny\n";
        return run(command, input, timeout);
    }

    /** Lines of the simple configurator's {@code bundles.info}: what the installation starts. */
    List<String> bundlesInfo() throws IOException {
        return Files.readAllLines(home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
    }

    private List<String> launcherCommand() throws IOException {
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            Path launcher = plugins
                    .filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
                    .filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no equinox launcher in " + home.resolve("plugins")));
            return new ArrayList<>(List.of(java, "-jar", launcher.toString()));
        }
    }

    private Run run(List<String> command, String input, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "run-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command)
                    + "\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
