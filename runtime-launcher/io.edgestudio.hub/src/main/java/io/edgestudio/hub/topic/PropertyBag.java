package io.edgestudio.hub.topic;

import io.edgestudio.hub.message.SystemProperty;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The IoT Hub MQTT property bag: the last topic segment, {@code key=value&...}, URL-encoded.
 * Inbound to modules, system properties must be written {@code %24.mid} (the SDK ignores {@code $.mid}).
 *
 * @param systemProperties system properties by edgeHub name
 * @param properties application properties
 */
public record PropertyBag(Map<String, String> systemProperties, Map<String, String> properties) {

    /** The encoded wire key ({@code %24.mid}) of each system property, by edgeHub name. */
    private static final Map<String, String> ENCODED_WIRE_NAMES = Arrays.stream(SystemProperty.values())
            .collect(Collectors.toUnmodifiableMap(SystemProperty::propertyName, p -> escape(p.wireName())));

    /**
     * @param segment the raw last topic segment (may be empty)
     * @return the decoded bag; keys are decoded, so {@code $.mid} and {@code %24.mid} are the same
     * @throws IllegalArgumentException if the segment is not valid URL encoding
     */
    public static PropertyBag decode(String segment) {
        Map<String, String> system = new LinkedHashMap<>();
        Map<String, String> application = new LinkedHashMap<>();
        if (!segment.isEmpty()) {
            for (String pair : segment.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
                Optional<SystemProperty> property = SystemProperty.ofWireName(key);
                if (property.isPresent()) {
                    system.put(property.get().propertyName(), value);
                } else if (!key.startsWith("$.")) {
                    application.put(key, value);
                }
            }
        }
        return new PropertyBag(system, application);
    }

    /** @return the bag encoded for a hub → module PUBLISH topic ({@code %24.} system keys) */
    public String encode() {
        return encodeWithout(null);
    }

    /**
     * @param omitted a system property (edgeHub name) to leave out, or null
     * @return the bag encoded for a hub → module PUBLISH topic ({@code %24.} system keys), without {@code omitted}
     */
    public String encodeWithout(String omitted) {
        StringBuilder out = new StringBuilder(64);
        systemProperties.forEach((name, value) -> {
            String key = ENCODED_WIRE_NAMES.get(name);
            if (key != null && !name.equals(omitted)) {
                append(out, key, value);
            }
        });
        properties.forEach((key, value) -> append(out, escape(key), value));
        return out.toString();
    }

    private static void append(StringBuilder out, String encodedKey, String value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(encodedKey).append('=').append(escape(value));
    }

    static String escape(String text) {
        if (unreserved(text)) {
            return text;
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    /** Whether URL encoding leaves the text as it is: letters, digits and {@code - . _} only. */
    private static boolean unreserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    static String unescape(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
