package io.edgestudio.hub.message;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A message inside the hub, independent of any protocol.
 *
 * @param body the payload bytes (not copied: treat as immutable)
 * @param systemProperties system properties by edgeHub name ({@link SystemProperty})
 * @param properties application properties, in arrival order
 * @param enqueuedTime when the hub accepted the message
 */
public record HubMessage(byte[] body, Map<String, String> systemProperties, Map<String, String> properties,
        Instant enqueuedTime) {

    /** Freezes the property maps, keeping their order. */
    public HubMessage {
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param property a system property
     * @return its value, if set
     */
    public Optional<String> systemProperty(SystemProperty property) {
        return Optional.ofNullable(systemProperties.get(property.propertyName()));
    }

    /**
     * @param values system properties to set, in order
     * @return a copy with the properties set (one copy for all of them)
     */
    public HubMessage withSystemProperties(Map<SystemProperty, String> values) {
        Map<String, String> copy = new LinkedHashMap<>(systemProperties);
        values.forEach((property, value) -> copy.put(property.propertyName(), value));
        return new HubMessage(body, copy, properties, enqueuedTime);
    }

    /**
     * @param property a system property
     * @param value its new value
     * @return a copy with the property set
     */
    public HubMessage withSystemProperty(SystemProperty property, String value) {
        Map<String, String> copy = new LinkedHashMap<>(systemProperties);
        copy.put(property.propertyName(), value);
        return new HubMessage(body, copy, properties, enqueuedTime);
    }
}
