package io.edgestudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edge monitor}: prints every message the edge sends upstream as it happens, and the routes' message
 * counts whenever they change. Runs until Ctrl-C, {@code --count} messages, or the edge stops.
 */
@Command(name = "monitor", description = {
        "Follow a running edge: every message sent to $upstream (the cloud) as it arrives, and per-route",
        "message counts when they change. Stops on Ctrl-C." })
final class MonitorCommand extends ClientCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final String DATA = "data: ";

    @Mixin
    private ColorOption color;

    @Option(names = "--count", paramLabel = "<n>", description = "Stop after n upstream messages.")
    private Integer count;

    @Option(names = "--routes-every", paramLabel = "<seconds>", defaultValue = "2",
            description = "How often to check the route counts; 0 for never (default: ${DEFAULT-VALUE}).")
    private int routesEvery;

    private final Map<String, Long> routeCounts = new LinkedHashMap<>();

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        Ansi ansi = color.ansi();
        Stream<String> lines = client.lines("/api/v1/upstream/stream");
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "edge-monitor-routes");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Iterator<String> events = lines.iterator();
            if (!subscribed(events)) {
                err().println("edge: " + client.address() + " closed the stream (the edge stopped)");
                return UNREACHABLE;
            }
            synchronized (out) {
                out.println(ansi.string("@|bold monitoring " + client.address()
                        + "|@: messages to $upstream and route counts (Ctrl-C to stop)"));
                printRoutes(client, out, ansi, true);
                out.flush();
            }
            if (routesEvery > 0) {
                poller.scheduleWithFixedDelay(() -> pollRoutes(client, out, ansi), routesEvery, routesEvery,
                        TimeUnit.SECONDS);
            }
            int seen = 0;
            while (count == null || seen < count) {
                if (!nextMessage(events, out, ansi)) {
                    err().println("edge: " + client.address() + " closed the stream (the edge stopped)");
                    return UNREACHABLE;
                }
                seen++;
            }
            synchronized (out) {
                printRoutes(client, out, ansi, true);
            }
            return OK;
        } finally {
            poller.shutdownNow();
            lines.close();
        }
    }

    /** Reads up to the edge's first comment, sent once the subscription is in place; false if the stream ended. */
    private static boolean subscribed(Iterator<String> events) {
        try {
            while (events.hasNext()) {
                if (events.next().startsWith(":")) {
                    return true;
                }
            }
        } catch (UncheckedIOException e) {
            return false;
        }
        return false;
    }

    /** Reads up to the next message event and prints it; false when the stream ended. */
    private boolean nextMessage(Iterator<String> events, PrintWriter out, Ansi ansi) {
        try {
            while (events.hasNext()) {
                String line = events.next();
                if (line.startsWith(DATA)) {
                    JsonNode message = parse(line.substring(DATA.length()));
                    synchronized (out) {
                        out.println(ansi.string(format(message)));
                        out.flush();
                    }
                    return true;
                }
            }
        } catch (UncheckedIOException e) {
            return false;
        }
        return false;
    }

    private static JsonNode parse(String json) {
        try {
            return EdgeClient.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return EdgeClient.JSON.createObjectNode().put("body", json);
        }
    }

    /** @return one line in picocli markup: time, priority, origin, body, application properties */
    static String format(JsonNode message) {
        StringBuilder line = new StringBuilder();
        line.append("@|faint ").append(time(message.path("enqueuedTime").asText())).append("|@ ");
        String queue = message.path("queue").asText();
        int pri = queue.lastIndexOf("_Pri");
        if (pri >= 0 && !queue.endsWith("_Pri2000000000")) {
            line.append("@|magenta [priority ").append(queue.substring(pri + 4)).append("]|@ ");
        }
        JsonNode system = message.path("systemProperties");
        String module = system.path("connectionModuleId").asText("?");
        String output = system.path("outputName").asText("");
        line.append("@|cyan ").append(escape(module + (output.isEmpty() ? "" : "/" + output))).append("|@ -> $upstream  ");
        line.append(escape(message.has("body") ? message.path("body").asText()
                : "base64:" + message.path("bodyBase64").asText()));
        List<String> properties = new ArrayList<>();
        message.path("properties").properties().forEach(p -> properties.add(p.getKey() + "=" + p.getValue().asText()));
        if (!properties.isEmpty()) {
            line.append("  @|yellow ").append(escape(String.join(" ", properties))).append("|@");
        }
        return line.toString();
    }

    private static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String escape(String text) {
        return text.replace("@|", "@ |");
    }

    private void pollRoutes(EdgeClient client, PrintWriter out, Ansi ansi) {
        try {
            synchronized (out) {
                printRoutes(client, out, ansi, false);
                out.flush();
            }
        } catch (RuntimeException e) {
            // the edge stopped: the stream ends too, and the main loop says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the route counts if they changed since the last time (or always, the first time). */
    private void printRoutes(EdgeClient client, PrintWriter out, Ansi ansi, boolean always)
            throws InterruptedException {
        Map<String, Long> now = new LinkedHashMap<>();
        for (JsonNode route : client.get("/api/v1/routes")) {
            now.put(route.path("name").asText(), route.path("messagesRouted").asLong());
        }
        if (!always && now.equals(routeCounts)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        now.forEach((name, n) -> {
            long delta = n - routeCounts.getOrDefault(name, 0L);
            parts.add(escape(name) + " " + n + (delta > 0 && !always ? " @|green (+" + delta + ")|@" : ""));
        });
        routeCounts.clear();
        routeCounts.putAll(now);
        out.println(ansi.string("@|faint " + TIME.format(Instant.now()) + "|@ @|bold routes|@  "
                + (parts.isEmpty() ? "(none)" : String.join("  ", parts))));
    }
}
