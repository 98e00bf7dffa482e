package io.edgestudio.routes;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a message comes from, or which messages a route takes (its {@code FROM} path).
 *
 * <p>Messages carry one of four concrete sources: {@code /messages} (device telemetry),
 * {@code /messages/modules/{m}}, {@code /messages/modules/{m}/outputs/{o}} and {@code /twinChangeNotifications}.
 * A route's path is normalised as edgeHub does: trimmed, trailing {@code *} removed, then trailing {@code /}
 * removed. It matches a message source when, with one {@code /} appended to both, it is a case-insensitive
 * prefix of it. So whole segments are compared and a trailing {@code *} is not a glob: {@code /messages/modules/M1*}
 * does not match module {@code M10}.
 */
public final class MessageSource {

    private static final String TWIN_CHANGE_NOTIFICATIONS = "/twinChangeNotifications";
    private static final MessageSource TELEMETRY = new MessageSource("/messages");
    private static final MessageSource TWIN_CHANGES = new MessageSource(TWIN_CHANGE_NOTIFICATIONS);

    private final String path;
    private final String prefix;

    private MessageSource(String path) {
        this.path = path;
        this.prefix = normalise(path).toLowerCase(Locale.ROOT) + "/";
    }

    /** A source from its path text, e.g. a route's {@code FROM} path or a message's canonical source. */
    public static MessageSource of(String path) {
        return new MessageSource(Objects.requireNonNull(path, "path"));
    }

    /** Device telemetry: {@code /messages}. */
    public static MessageSource telemetry() {
        return TELEMETRY;
    }

    /** A module's message sent without an output name: {@code /messages/modules/{module}}. */
    public static MessageSource module(String module) {
        return new MessageSource("/messages/modules/" + module);
    }

    /** A module's message sent on an output: {@code /messages/modules/{module}/outputs/{output}}. */
    public static MessageSource moduleOutput(String module, String output) {
        return new MessageSource("/messages/modules/" + module + "/outputs/" + output);
    }

    /** Twin change notifications: {@code /twinChangeNotifications}. */
    public static MessageSource twinChangeNotifications() {
        return TWIN_CHANGES;
    }

    /** The path as given. */
    public String path() {
        return path;
    }

    /** Whether this source, used as a route's {@code FROM} path, takes messages from {@code messageSource}. */
    public boolean matches(MessageSource messageSource) {
        return messageSource.prefix.startsWith(prefix);
    }

    /** Whether this is {@code /twinChangeNotifications}, the only source where {@code twin_change_includes} works. */
    public boolean isTwinChangeNotifications() {
        return normalise(path).equalsIgnoreCase(TWIN_CHANGE_NOTIFICATIONS);
    }

    /**
     * Which messages this source, used as a route's {@code FROM} path, takes: the path read segment by segment
     * after the normalisation {@link #matches} uses, keywords ignoring case. For the scopes of one module,
     * {@link #module()} names it (as written); for {@link Scope#MODULE_OUTPUT}, {@link #output()} names the output.
     */
    public Scope scope() {
        List<String> segments = segments();
        if (segments.isEmpty()) {
            return Scope.EVERYTHING;
        }
        if (segments.size() == 1 && segments.get(0).equalsIgnoreCase("twinChangeNotifications")) {
            return Scope.TWIN_CHANGES;
        }
        if (!segments.get(0).equalsIgnoreCase("messages")) {
            return Scope.NOTHING;
        }
        return switch (segments.size()) {
            case 1 -> Scope.ALL_MESSAGES;
            case 2 -> segments.get(1).equalsIgnoreCase("modules") ? Scope.ALL_MODULES : Scope.NOTHING;
            case 3 -> segments.get(1).equalsIgnoreCase("modules") ? Scope.MODULE : Scope.NOTHING;
            case 4 -> isModulePath(segments) ? Scope.MODULE_OUTPUTS : Scope.NOTHING;
            case 5 -> isModulePath(segments) ? Scope.MODULE_OUTPUT : Scope.NOTHING;
            default -> Scope.NOTHING;
        };
    }

    /** The module of a {@link Scope#MODULE}, {@link Scope#MODULE_OUTPUTS} or {@link Scope#MODULE_OUTPUT} source. */
    public Optional<String> module() {
        return switch (scope()) {
            case MODULE, MODULE_OUTPUTS, MODULE_OUTPUT -> Optional.of(segments().get(2));
            default -> Optional.empty();
        };
    }

    /** The output of a {@link Scope#MODULE_OUTPUT} source. */
    public Optional<String> output() {
        return scope() == Scope.MODULE_OUTPUT ? Optional.of(segments().get(4)) : Optional.empty();
    }

    private static boolean isModulePath(List<String> segments) {
        return segments.get(1).equalsIgnoreCase("modules") && segments.get(3).equalsIgnoreCase("outputs");
    }

    /** The normalised path's segments; empty for a path that takes everything ({@code /*}). */
    private List<String> segments() {
        String normalised = normalise(path);
        String relative = normalised.startsWith("/") ? normalised.substring(1) : normalised;
        return relative.isEmpty() ? List.of() : List.of(relative.split("/", -1));
    }

    /** What a route's {@code FROM} path selects among the sources messages carry. */
    public enum Scope {
        /** {@code /*}: every message, twin change notifications included. */
        EVERYTHING,
        /** {@code /messages/*}: device telemetry and every module's messages. */
        ALL_MESSAGES,
        /** {@code /messages/modules/*}: every module's messages. */
        ALL_MODULES,
        /** {@code /messages/modules/<m>/*}: one module's messages, with or without an output. */
        MODULE,
        /** {@code /messages/modules/<m>/outputs/*}: one module's messages sent on any output. */
        MODULE_OUTPUTS,
        /** {@code /messages/modules/<m>/outputs/<o>}: one module's messages sent on one output. */
        MODULE_OUTPUT,
        /** {@code /twinChangeNotifications}: twin change notifications only. */
        TWIN_CHANGES,
        /** A path no message's source falls under: the route takes nothing. */
        NOTHING
    }

    private static String normalise(String path) {
        String trimmed = path.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '*') {
            end--;
        }
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(0, end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageSource that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
