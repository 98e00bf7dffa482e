package io.edgestudio.routes;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable message as the router sees it: body bytes, system properties ({@code contentType},
 * {@code connectionModuleId}, ...), application properties and its source. Property names are
 * case-insensitive, as in edgeHub; values may be {@code null} (a property that is present without a value).
 */
public final class RoutingMessage {

    private final byte[] body;
    private final Map<String, String> systemProperties;
    private final Map<String, String> properties;
    private final MessageSource source;

    private RoutingMessage(Builder builder) {
        this.body = builder.body.clone();
        this.systemProperties = Collections.unmodifiableMap(caseInsensitive(builder.systemProperties));
        this.properties = Collections.unmodifiableMap(caseInsensitive(builder.properties));
        this.source = builder.source;
    }

    /** A builder for a message from {@code source}. */
    public static Builder builder(MessageSource source) {
        return new Builder(source);
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The system properties, looked up case-insensitively. */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** The application properties, looked up case-insensitively. */
    public Map<String, String> properties() {
        return properties;
    }

    public MessageSource source() {
        return source;
    }

    /** A system property's value; empty when absent or present without a value. */
    public Optional<String> systemProperty(String name) {
        return Optional.ofNullable(systemProperties.get(name));
    }

    private static Map<String, String> caseInsensitive(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(values);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingMessage that && Arrays.equals(body, that.body)
                && systemProperties.equals(that.systemProperties) && properties.equals(that.properties)
                && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), systemProperties, properties, source);
    }

    @Override
    public String toString() {
        return "RoutingMessage[source=" + source + ", systemProperties=" + systemProperties + ", properties="
                + properties + ", body=" + body.length + " bytes]";
    }

    /** Collects the parts of a {@link RoutingMessage}. */
    public static final class Builder {
        private final MessageSource source;
        private byte[] body = new byte[0];
        private final Map<String, String> systemProperties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, String> properties = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder(MessageSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /** Sets a system property; a {@code null} value means present without a value. */
        public Builder systemProperty(String name, String value) {
            systemProperties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /** Sets an application property; a {@code null} value means present without a value. */
        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        public RoutingMessage build() {
            return new RoutingMessage(this);
        }
    }
}
