package io.edgestudio.hub.message;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The system properties edgeHub knows, with their MQTT property-bag wire names ({@code $.mid}, ...). */
public enum SystemProperty {
    MESSAGE_ID("messageId", "$.mid"),
    CORRELATION_ID("correlationId", "$.cid"),
    USER_ID("userId", "$.uid"),
    TO("to", "$.to"),
    EXPIRY_TIME("absoluteExpiryTime", "$.exp"),
    CONTENT_TYPE("contentType", "$.ct"),
    CONTENT_ENCODING("contentEncoding", "$.ce"),
    MESSAGE_SCHEMA("messageSchema", "$.schema"),
    CREATION_TIME("creationTime", "$.ctime"),
    OUTPUT_NAME("outputName", "$.on"),
    CONNECTION_DEVICE_ID("connectionDeviceId", "$.cdid"),
    CONNECTION_MODULE_ID("connectionModuleId", "$.cmid"),
    INTERFACE_ID("interfaceId", "$.ifid"),
    COMPONENT_NAME("componentName", "$.sub"),
    INPUT_NAME("inputName", "$.inp");

    private static final Map<String, SystemProperty> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(SystemProperty::wireName, Function.identity()));

    private final String propertyName;
    private final String wireName;

    SystemProperty(String propertyName, String wireName) {
        this.propertyName = propertyName;
        this.wireName = wireName;
    }

    /** @return the name conditions use ({@code $messageId}) and the hub stores */
    public String propertyName() {
        return propertyName;
    }

    /** @return the property-bag key ({@code $.mid}) */
    public String wireName() {
        return wireName;
    }

    /**
     * @param wireName a decoded property-bag key such as {@code $.mid}
     * @return the system property, if the key names one
     */
    public static Optional<SystemProperty> ofWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /**
     * @param propertyName a stored property name such as {@code messageId}
     * @return the system property, if the name is one
     */
    public static Optional<SystemProperty> ofPropertyName(String propertyName) {
        return Arrays.stream(values()).filter(p -> p.propertyName.equals(propertyName)).findFirst();
    }
}
