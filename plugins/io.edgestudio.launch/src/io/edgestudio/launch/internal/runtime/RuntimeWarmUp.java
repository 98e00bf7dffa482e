package io.edgestudio.launch.internal.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.edgestudio.launch.EdgeLaunch;

/**
 * Prepares the bundled runtime's class-data archive once per installation and Java, in the background, so that
 * the first Run or Debug of a solution starts a runtime that loads its classes from the archive instead of from
 * the jars (about half of its start on these machines). It runs {@code edge run} on a deployment of the simulated
 * temperature sensor (the agent's built-in stand-in, on the device SDK) in a temporary directory, on free ports,
 * until the sensor's first reading has been routed to {@code $upstream} — so that TLS, MQTT, routing and the store
 * are in the archive too — and stops it; the JVM writes the archive as it exits. A launch that finds the
 * preparation running waits for it instead of starting a second cold runtime.
 */
public final class RuntimeWarmUp extends Job {

    /** The job family of the preparation. */
    public static final Object FAMILY = RuntimeWarmUp.class;

    /** What the runtime prints when a message reaches {@code $upstream} (see {@code edge run}). */
    static final String ROUTED = "$upstream <- ";

    private static final long READY_TIMEOUT_SECONDS = 120;
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    /** The simulated sensor, its readings routed to {@code $upstream}. */
    private static final String MANIFEST = """
            {"modulesContent": {
              "$edgeAgent": {"properties.desired": {
                "schemaVersion": "1.1",
                "runtime": {"type": "docker", "settings": {}},
                "systemModules": {
                  "edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.5"}},
                  "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                    "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.5"}}},
                "modules": {
                  "SimulatedTemperatureSensor": {"version": "1.0", "type": "docker", "status": "running",
                    "restartPolicy": "always",
                    "settings": {"image": "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5"}}}}},
              "$edgeHub": {"properties.desired": {
                "schemaVersion": "1.2",
                "routes": {"sensorToCloud": "FROM /messages/modules/SimulatedTemperatureSensor/outputs/* INTO $upstream"},
                "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
            """;

    private final Path java;
    private final Path jar;
    private final Path archive;
    private volatile Process running;

    private RuntimeWarmUp(Path java, Path jar, Path archive) {
        super("Preparing the local edge runtime");
        this.java = java;
        this.jar = jar;
        this.archive = archive;
        setPriority(DECORATE);
    }

    /**
     * Schedules the preparation when the archive for the bundled runtime and the current Java does not exist yet.
     *
     * @return whether it was scheduled
     */
    public static boolean scheduleIfNeeded() {
        try {
            Path jar = BundledRuntime.jar();
            Path java = BundledRuntime.java();
            Path archive = BundledRuntime.classDataArchive(jar, java);
            if (Files.isRegularFile(archive) || Job.getJobManager().find(FAMILY).length > 0) {
                return false;
            }
            new RuntimeWarmUp(java, jar, archive).schedule();
            return true;
        } catch (CoreException e) {
            return false; // no runtime or no suitable Java: a launch reports that where it matters
        }
    }

    /** Waits for a preparation under way, so that a launch does not start a second cold runtime beside it. */
    public static void awaitRunning(IProgressMonitor monitor) {
        try {
            Job.getJobManager().join(FAMILY, monitor);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected void canceling() {
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Path directory = null;
        Process process = null;
        try {
            Optional<String> address = trainingAddress();
            if (address.isEmpty()) {
                return Status.OK_STATUS; // every candidate's SDK port is taken: the first launch writes the archive
            }
            directory = Files.createTempDirectory("edgestudio-warmup");
            Path manifest = Files.writeString(directory.resolve("deployment.json"), MANIFEST);
            RuntimeCommand command = new RuntimeCommand(java, jar, manifest, directory.resolve("state"),
                    new RuntimeSettings("warmup-device", address.get(), RuntimeSettings.SDK_MQTT_PORT, 0, 0, false), List.of(),
                    archive);
            process = new ProcessBuilder(command.commandLine()).directory(directory.toFile())
                    .redirectErrorStream(true).start();
            running = process;
            Process started = process;
            // a runtime that hangs before it is ready is not waited for forever
            Thread.ofPlatform().daemon().name("edge-warm-up-watchdog").start(() -> {
                try {
                    if (!started.waitFor(READY_TIMEOUT_SECONDS + EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        started.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    started.destroyForcibly();
                }
            });
            if (!awaitReady(process, monitor)) {
                return Status.CANCEL_STATUS;
            }
            process.destroy(); // a graceful stop: the JVM writes the archive as it exits
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return Status.OK_STATUS;
        } catch (IOException e) {
            // only the first launch is slower; say why in the log
            return new Status(IStatus.WARNING, EdgeLaunch.PLUGIN_ID,
                    "The local edge runtime could not be prepared: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            delete(directory);
        }
    }

    /**
     * Reads the runtime's output until a message has been routed to {@code $upstream} (from then on a daemon thread
     * reads the rest, so that it never blocks on a full pipe); false when cancelled, an exception when it exited
     * first.
     */
    private static boolean awaitReady(Process process, IProgressMonitor monitor) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.contains(ROUTED)) {
                Thread.ofPlatform().daemon().name("edge-warm-up-output").start(() -> drain(lines));
                return true;
            }
            output.append(line).append('\n');
            if (monitor.isCanceled()) {
                return false;
            }
        }
        if (monitor.isCanceled()) {
            return false;
        }
        throw new IOException("the runtime exited before it routed a message:\n" + output.toString().strip());
    }

    private static void drain(BufferedReader lines) {
        try (lines) {
            while (lines.readLine() != null) {
                // discarded: only the archive the JVM writes at exit matters
            }
        } catch (IOException e) {
            // the process has gone
        }
    }

    /**
     * A loopback address whose MQTT port (the SDK's fixed {@value RuntimeSettings#SDK_MQTT_PORT}) is free: one of the
     * 127.0.0.x that solutions rarely use (Linux and Windows answer on all of 127/8), else 127.0.0.1.
     */
    static Optional<String> trainingAddress() {
        List<String> candidates = new ArrayList<>();
        for (int last = 250; last > 240; last--) {
            candidates.add("127.0.0." + last);
        }
        candidates.add("127.0.0.1");
        for (String candidate : candidates) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(candidate), RuntimeSettings.SDK_MQTT_PORT));
                return Optional.of(candidate);
            } catch (IOException taken) {
                // in use, or not an address of this machine
            }
        }
        return Optional.empty();
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}
