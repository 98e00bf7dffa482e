package io.edgestudio.cli;

import io.edgestudio.hub.management.ModuleRuntimeStatus;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.store.StoredMessage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code edge run} shows: each module's output prefixed with its name, routed {@code $upstream} messages,
 * status changes and the edge's own notes. ANSI colours only when writing to a terminal (and {@code NO_COLOR}
 * is not set). Lines from many threads are printed whole.
 */
final class Console {

    private static final String RESET = "\u001b[0m";
    private static final String[] PALETTE = { "\u001b[36m", "\u001b[35m", "\u001b[34m", "\u001b[33m", "\u001b[32m",
            "\u001b[96m", "\u001b[95m", "\u001b[94m" };
    private static final String UPSTREAM = "\u001b[1;32m";
    private static final String AGENT = "\u001b[1m";
    private static final String ERROR = "\u001b[31m";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final boolean colour;
    private final Map<String, String> colours = new ConcurrentHashMap<>();
    private int width = 8;

    Console(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** @return a console on stdout, coloured if stdout is a terminal */
    static Console standard() {
        var console = System.console();
        boolean terminal = console != null && isTerminal(console) && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        return new Console(System.out, terminal);
    }

    /** {@code Console.isTerminal()} from JDK 22 on; before, a console exists only on a terminal. */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Makes module names line up. */
    synchronized void widen(Iterable<String> modules) {
        for (String module : modules) {
            width = Math.max(width, module.length());
        }
    }

    void note(String text) {
        print(paint(AGENT, "edge") + " " + text);
    }

    void error(String text) {
        print(paint(ERROR, "edge") + " " + paint(ERROR, text));
    }

    void moduleLine(String module, boolean error, String line) {
        String tag = paint(colours.computeIfAbsent(module, m -> PALETTE[colours.size() % PALETTE.length]),
                pad(module) + " |");
        print(tag + " " + (error ? paint(ERROR, line) : line));
    }

    void status(String module, ModuleRuntimeStatus status) {
        String text = switch (status.runtimeStatus()) {
            case "running" -> "running, " + (status.statusDescription().contains("docker backend") ? "container "
                    : "pid ") + status.processId();
            default -> status.runtimeStatus() + (status.statusDescription().isEmpty() ? ""
                    : ": " + status.statusDescription());
        };
        print(paint(AGENT, "edge") + " " + module + " " + text);
    }

    void upstream(StoredMessage stored) {
        HubMessage message = stored.message();
        String from = message.systemProperties().getOrDefault("connectionModuleId", "?") + "/"
                + message.systemProperties().getOrDefault("outputName", "?");
        print(paint(UPSTREAM, "$upstream") + " <- " + from + " " + new String(message.body(), StandardCharsets.UTF_8));
    }

    private String pad(String module) {
        return module.length() >= width ? module : module + " ".repeat(width - module.length());
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private synchronized void print(String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }
}
