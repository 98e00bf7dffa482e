package io.edgestudio.hub.mqtt;

import io.edgestudio.hub.topic.TopicPolicy;
import java.util.Map;
import java.util.Optional;

/**
 * The IoT Hub MQTT username {@code <hub>/<device>/<module>/?api-version=..&DeviceClientType=..} (also
 * accepted without {@code ?}). {@code api-version} is mandatory; its value is not checked.
 *
 * @param hostName the hub host name
 * @param deviceId the device
 * @param moduleId the module
 */
record MqttUsername(String hostName, String deviceId, String moduleId) {

    static Optional<MqttUsername> parse(String username) {
        if (username == null) {
            return Optional.empty();
        }
        int query = username.indexOf("/?");
        String path;
        String parameters;
        if (query >= 0) {
            path = username.substring(0, query);
            parameters = username.substring(query + 2);
        } else {
            int api = username.indexOf("/api-version=");
            if (api < 0) {
                return Optional.empty();
            }
            path = username.substring(0, api);
            parameters = username.substring(api + 1);
        }
        String[] parts = path.split("/");
        Map<String, String> query1 = TopicPolicy.query(parameters);
        if (parts.length != 3 || !query1.containsKey("api-version")) {
            return Optional.empty();
        }
        return Optional.of(new MqttUsername(parts[0], parts[1], parts[2]));
    }

    String clientId() {
        return deviceId + "/" + moduleId;
    }
}
