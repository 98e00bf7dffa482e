package io.edgestudio.hub.core;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store-and-forward queue: one endpoint at one priority, named like edgeHub's {@code <endpoint>_Pri<N>}.
 * Endpoints are {@code $upstream} and {@code modules/<module>/inputs/<input>}.
 *
 * @param endpoint the endpoint id
 * @param priority 0 (highest) to 9, or the default priority
 */
public record QueueName(String endpoint, int priority) {

    /** The priority of routes without one; it sorts after every explicit priority. */
    public static final int DEFAULT_PRIORITY = 2_000_000_000;
    /** The upstream endpoint id. */
    public static final String UPSTREAM = "$upstream";
    /** Highest priority first, then by endpoint. */
    public static final Comparator<QueueName> DELIVERY_ORDER =
            Comparator.comparingInt(QueueName::priority).thenComparing(QueueName::endpoint);

    private static final Pattern FORMAT = Pattern.compile("(.+)_Pri([0-9]+)");
    private static final Pattern MODULE_INPUT = Pattern.compile("modules/([^/]+)/inputs/([^/]+)");

    /**
     * @param module a module
     * @param input one of its inputs
     * @return the endpoint id of that input
     */
    public static String moduleInput(String module, String input) {
        return "modules/" + module + "/inputs/" + input;
    }

    /**
     * @param name a queue name from the store
     * @return the queue, if the name has the expected form
     */
    public static Optional<QueueName> parse(String name) {
        Matcher m = FORMAT.matcher(name);
        return m.matches() ? Optional.of(new QueueName(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /** @return the store name */
    public String format() {
        return endpoint + "_Pri" + priority;
    }

    /** @return the module of a module-input endpoint */
    public Optional<String> module() {
        Matcher m = MODULE_INPUT.matcher(endpoint);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** @return the input of a module-input endpoint */
    public Optional<String> input() {
        Matcher m = MODULE_INPUT.matcher(endpoint);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
