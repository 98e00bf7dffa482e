package io.edgestudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.hub.method.MethodResult;
import io.edgestudio.hub.store.StoredMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edge demo}: the thermostat example end to end on the local edge. The simulated sensor sends readings
 * to the generated Java filter, which forwards those above its twin's threshold to {@code $upstream}; after a
 * while the demo raises the threshold through the twin (fewer readings pass), calls the sensor's {@code reset}
 * method (it answers), and stops after {@code --duration} or on Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = { "Run the thermostat example end to end: sensor -> Java filter -> $upstream, a twin change "
                + "and a direct method.", "Exit codes: 0 after the demo ran its time; otherwise as for edge run." })
final class DemoCommand implements Callable<Integer> {

    private static final String SOLUTION = "thermostat.edge";
    private static final String HANDLER = "modules/Filter/src/main/java/filter/FilterHandler.java";

    @Option(names = "--dir", paramLabel = "<dir>",
            description = "Where the demo solution is generated and built (default: edgestudio-demo in the temp directory).")
    Path directory = Path.of(System.getProperty("java.io.tmpdir"), "edgestudio-demo-" + System.getProperty("user.name"));

    @Option(names = "--duration", paramLabel = "<seconds>", defaultValue = "30",
            description = "Stop after this many seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() throws IOException {
        Console console = Console.standard();
        Path dir = directory.toAbsolutePath().normalize();
        prepare(dir);
        console.note("demo solution in " + dir);
        RunCommand run = new RunCommand();
        run.solution = dir.resolve(SOLUTION);
        run.options = options;
        return run.run(console, edge -> script(edge, console));
    }

    /** Writes the example, the demo's filter logic and a faster sensor; unchanged files keep their time. */
    static void prepare(Path dir) throws IOException {
        write(dir.resolve(SOLUTION), resource("demo/thermostat.edge"));
        write(dir.resolve(HANDLER), resource("demo/FilterHandler.java.txt"));
        write(dir.resolve("edge-run.json"), """
                {"modules": {"SimulatedTemperatureSensor": {"env": {"SendInterval": "0.5"}}}}
                """.getBytes(StandardCharsets.UTF_8));
    }

    private boolean script(LocalEdge edge, Console console) throws Exception {
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch first = new CountDownLatch(1);
        AtomicInteger passed = new AtomicInteger();
        Consumer<StoredMessage> counter = m -> {
            passed.incrementAndGet();
            first.countDown();
        };
        edge.hub.hub().upstream().addListener(counter);
        try {
            if (first.await(Math.min(20, seconds), TimeUnit.SECONDS)) {
                console.note("first reading reached $upstream " + (System.nanoTime() - started) / 1_000_000
                        + " ms after the modules started");
            }
            sleepUntil(Math.min(end, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds / 3)));
            int before = passed.get();
            console.note("raising Filter's desired TemperatureThreshold from 25 to 60 (twin patch)");
            edge.hub.hub().twins().patchDesired("Filter",
                    new ObjectMapper().createObjectNode().put("TemperatureThreshold", 60));
            sleepUntil(Math.min(end, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds / 3)));
            console.note("calling direct method reset on SimulatedTemperatureSensor");
            MethodResult answer = edge.hub.hub().methods().invoke("SimulatedTemperatureSensor", "reset", "{}",
                    Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            console.note("SimulatedTemperatureSensor answered " + answer.status() + " " + answer.payload());
            sleepUntil(end);
            console.note("readings that reached $upstream: " + before + " before the threshold change, "
                    + (passed.get() - before) + " after");
        } finally {
            edge.hub.hub().upstream().removeListener(counter);
        }
        return true;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the edge command lacks its resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
