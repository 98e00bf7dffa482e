package io.edgestudio.routes;

import java.util.Locale;
import java.util.Objects;

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
