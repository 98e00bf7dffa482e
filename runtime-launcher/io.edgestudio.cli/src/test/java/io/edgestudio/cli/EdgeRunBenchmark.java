package io.edgestudio.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge run} of the thermostat example until the first message reaches {@code $upstream}, each run a cold
 * JVM for the runtime and for every module (the Java module already built, as on any run after the first).
 * Measured from starting the {@code java -jar edge.jar run} process to the first {@code $upstream} line it
 * prints. Prints the numbers; run on demand:
 * {@code ./mvnw verify -pl runtime-launcher/io.edgestudio.cli -am -Dit.test=EdgeRunBenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}
 */
class EdgeRunBenchmark {

    private static final int RUNS = 5;

    @Test
    void thermostatToFirstUpstreamMessage(@TempDir Path dir) throws Exception {
        DemoCommand.prepare(dir);
        Files.delete(dir.resolve("modules/Filter/src/main/java/filter/FilterHandler.java")); // the generated one forwards all
        Files.writeString(dir.resolve("edge-run.json"),
                "{\"modules\": {\"SimulatedTemperatureSensor\": {\"env\": {\"SendInterval\": \"0.1\"}}}}");
        String host = freeLoopback();
        long first = run(dir, host); // generates and builds the Java module
        System.out.println("edge run, first run (generate + Maven build of Filter): " + first + " ms");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            times.add(run(dir, host));
        }
        Collections.sort(times);
        System.out.println("edge run of examples/thermostat -> first $upstream message, cold JVMs, " + RUNS
                + " runs (ms): " + times + ", median " + times.get(RUNS / 2));
    }

    private static long run(Path dir, String host) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long started = System.nanoTime();
        Process edge = new ProcessBuilder(java.toString(), "-jar", System.getProperty("edge.jar"), "run",
                dir.resolve("thermostat.edge").toString(), "--bind", host, "--management-port", "0")
                .redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(edge.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("$upstream <- ")) {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    edge.toHandle().destroy();
                    reader.lines().forEach(l -> { });
                    edge.waitFor(60, TimeUnit.SECONDS);
                    return millis;
                }
            }
        } finally {
            edge.destroyForcibly();
        }
        throw new AssertionError("edge run ended before a message reached $upstream");
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
