package io.edgestudio.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge run} of the thermostat example until the first message reaches {@code $upstream}, each run a cold
 * JVM for the runtime and for every module (the Java module already built, as on any run after the first).
 * Measured from starting the {@code java -jar edge.jar run} process (with the JVM options of the {@code ./edge}
 * script: its class-data archive, written by the first run) to the first {@code $upstream} line it prints, with
 * each run's phases from the lines the runtime prints:
 * <ul>
 * <li>{@code cli}: JVM start until the hub starts (picocli, reading the solution, checking the module build);</li>
 * <li>{@code hub}: {@code LocalEdgeHub.start} (identities, certificates, store, TLS, listeners);</li>
 * <li>{@code <module> started}: its process was started; {@code <module> connected}: the hub accepted its MQTT
 *     CONNECT;</li>
 * <li>{@code first}: the first message at {@code $upstream}.</li>
 * </ul>
 * With each phase the CPU time the processes used so far (the runtime's JVM, and each module's) and the load
 * average, since the machine may be shared. Prints the numbers; run on demand:
 * {@code ./mvnw verify -pl runtime-launcher/io.edgestudio.cli -am -Dit.test=EdgeRunBenchmark -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
class EdgeRunBenchmark {

    private static final int RUNS = Integer.getInteger("edge.benchmark.runs", 5);
    private static final Pattern CONNECTED = Pattern.compile("/(\\S+) connected \\(clean session");
    private static final Pattern RUNNING = Pattern.compile("edge (\\S+)\\s+running, pid (\\d+)");
    private static final Pattern STARTED_IN = Pattern.compile("edge started in (\\d+) ms");

    @Test
    void thermostatToFirstUpstreamMessage(@TempDir Path dir) throws Exception {
        DemoCommand.prepare(dir);
        Files.delete(dir.resolve("modules/Filter/src/main/java/filter/FilterHandler.java")); // the generated one forwards all
        Files.writeString(dir.resolve("edge-run.json"),
                "{\"modules\": {\"SimulatedTemperatureSensor\": {\"env\": {\"SendInterval\": \"0.1\"}}}}");
        String host = freeLoopback();
        Run first = run(dir, host); // generates and builds the Java module, writes the class-data archives
        System.out.println("edge run, first run (generate + Maven build of Filter, class-data archives): "
                + first.total + " ms");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Run run = run(dir, host);
            runs.add(run);
            System.out.println("  run " + (i + 1) + ": " + run);
        }
        List<Long> times = runs.stream().map(r -> r.total).sorted().toList();
        System.out.println("edge run of examples/thermostat -> first $upstream message, cold JVMs, " + RUNS
                + " runs (ms): " + times + ", median " + times.get(RUNS / 2));
    }

    private static Run run(Path dir, String host) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of(System.getProperty("edge.jar"));
        Path archive = jar.resolveSibling("edge.jsa");
        if (Files.exists(archive) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
            Files.delete(archive); // as ./edge does for an archive older than the jar
        }
        Run run = new Run(loadAverage());
        long started = System.nanoTime();
        // the options ./edge gives `edge run`; the hub's MQTT connection log shows when each module connected
        Process edge = new ProcessBuilder(java.toString(), "--sun-misc-unsafe-memory-access=allow",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off",
                "-Dguice_bytecode_gen_option=DISABLED",
                "-Dorg.slf4j.simpleLogger.log.io.edgestudio.hub.mqtt.MqttConnection=info",
                "-jar", jar.toString(), "run", dir.resolve("thermostat.edge").toString(), "--bind", host,
                "--management-port", "0")
                .redirectErrorStream(true).start();
        Map<String, Long> pids = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(edge.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                Matcher matcher;
                if (line.contains("edge hub for device")) {
                    run.phase("hub open", millis, cpu(edge.pid()));
                } else if ((matcher = STARTED_IN.matcher(line)).find()) {
                    run.hubAndAgent = Long.parseLong(matcher.group(1));
                    run.phase("agent started", millis, cpu(edge.pid()));
                } else if ((matcher = RUNNING.matcher(line)).find()) {
                    pids.put(matcher.group(1), Long.parseLong(matcher.group(2)));
                    run.phase(matcher.group(1) + " started", millis, cpu(edge.pid()));
                } else if ((matcher = CONNECTED.matcher(line)).find()) {
                    Long pid = pids.get(matcher.group(1));
                    run.phase(matcher.group(1) + " connected", millis, cpu(edge.pid()),
                            pid == null ? -1 : cpu(pid));
                } else if (line.contains("$upstream <- ")) {
                    run.total = millis;
                    List<Long> cpus = new ArrayList<>();
                    cpus.add(cpu(edge.pid()));
                    pids.values().forEach(pid -> cpus.add(cpu(pid)));
                    run.phase("first", millis, cpus.stream().mapToLong(Long::longValue).toArray());
                    run.processes = new ArrayList<>(pids.keySet());
                    edge.toHandle().destroy();
                    reader.lines().forEach(l -> { });
                    edge.waitFor(60, TimeUnit.SECONDS);
                    return run;
                }
            }
        } finally {
            edge.destroyForcibly();
        }
        throw new AssertionError("edge run ended before a message reached $upstream");
    }

    /** @return the CPU time a process used so far (ms), -1 if unknown */
    private static long cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(-1L);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One measured run: its phases (ms since the process started, with CPU ms so far). */
    private static final class Run {
        final String loadBefore;
        final List<String> phases = new ArrayList<>();
        long hubAndAgent = -1;
        long total = -1;
        List<String> processes = List.of();

        Run(String loadBefore) {
            this.loadBefore = loadBefore;
        }

        void phase(String name, long millis, long... cpus) {
            StringBuilder text = new StringBuilder(name).append(" ").append(millis).append(" (cpu");
            for (long cpu : cpus) {
                text.append(" ").append(cpu);
            }
            phases.add(text.append(")").toString());
        }

        @Override
        public String toString() {
            return total + " ms; load " + loadBefore + " -> " + loadAverage() + "; hub+agent start " + hubAndAgent
                    + " ms; phases ms (cpu ms: edge JVM[, module JVM]; at first: edge, " + String.join(", ", processes)
                    + "): " + String.join(", ", phases);
        }
    }

    private static String freeLoopback() throws Exception {
        for (int i = 2; i < 250; i++) {
            String host = "127.0.0." + (2 + (i * 37) % 250);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(host), 8883));
                return host;
            } catch (java.io.IOException inUse) {
                // next
            }
        }
        throw new IllegalStateException("no loopback address with port 8883 free");
    }
}
