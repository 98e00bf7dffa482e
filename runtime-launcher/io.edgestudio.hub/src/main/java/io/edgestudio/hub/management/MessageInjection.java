package io.edgestudio.hub.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.core.EdgeHub;
import io.edgestudio.hub.core.QueueName;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.message.SystemProperty;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/messages} as iotedgehubdev's test utility accepts it:
 * {@code {"inputName", "data", "messageId"?, "correlationId"?, "userId"?, "properties"?}}. The body is
 * {@code JSON.stringify(data)}, as the utility sends it; properties become application properties. The message
 * goes to {@code inputName} of {@code module}; without one, to the only module of the deployment or to
 * {@code target} (iotedgehubdev's single-module name).
 */
final class MessageInjection {

    /** iotedgehubdev's name for the module under test in single-module mode. */
    static final String DEFAULT_TARGET = "target";

    private final EdgeHub hub;
    private final List<String> modules;

    MessageInjection(EdgeHub hub, List<String> modules) {
        this.hub = hub;
        this.modules = modules;
    }

    ApiResponse accept(ObjectNode request) {
        String input = text(request, "inputName");
        if (input == null || input.isEmpty()) {
            throw new ApiException(400, "Cannot get inputName in request body.");
        }
        JsonNode data = request.get("data");
        if (data == null || data.isNull()) {
            throw new ApiException(400, "Cannot find message data in request body");
        }
        String module = target(text(request, "module"));
        Map<String, String> system = new LinkedHashMap<>();
        // a message id as every module output has one: the Azure IoT SDK does not acknowledge a message without it
        String messageId = text(request, "messageId");
        if (messageId == null || messageId.isEmpty()) {
            messageId = UUID.randomUUID().toString();
        }
        system.put(SystemProperty.MESSAGE_ID.propertyName(), messageId);
        putIfPresent(system, SystemProperty.CORRELATION_ID, text(request, "correlationId"));
        putIfPresent(system, SystemProperty.USER_ID, text(request, "userId"));
        Map<String, String> properties = new LinkedHashMap<>();
        request.path("properties").properties()
                .forEach(p -> properties.put(p.getKey(), p.getValue().isTextual() ? p.getValue().asText()
                        : p.getValue().toString()));
        HubMessage message = new HubMessage(data.toString().getBytes(StandardCharsets.UTF_8), system, properties,
                hub.clock().instant());
        hub.sendToInput(module, input, message, QueueName.DEFAULT_PRIORITY);
        return ApiResponse.json(202, ManagementApi.MAPPER.createObjectNode().put("message", "accepted")
                .put("module", module).put("inputName", input).put("messageId", messageId));
    }

    private String target(String requested) {
        if (requested != null) {
            if (!modules.contains(requested)) {
                throw new ApiException(404, "no module " + requested + " in the deployment");
            }
            return requested;
        }
        if (modules.size() == 1) {
            return modules.get(0);
        }
        if (modules.contains(DEFAULT_TARGET)) {
            return DEFAULT_TARGET;
        }
        throw new ApiException(400, "the deployment has " + modules.size()
                + " modules and none is named 'target': say which with \"module\" in the body");
    }

    private static String text(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(Map<String, String> system, SystemProperty property, String value) {
        if (value != null && !value.isEmpty()) {
            system.put(property.propertyName(), value);
        }
    }
}
