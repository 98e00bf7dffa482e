package io.edgestudio.hub.manifest;

import io.edgestudio.routes.RouteDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code $edgeHub.properties.desired.routes}: strings (schema 1.0) or route objects (1.1+). */
final class RoutesReader {

    private static final long MAX_TTL = 4294967295L;

    private RoutesReader() {
    }

    static Map<String, RouteDefinition> read(JsonObject routes) throws ManifestException {
        Map<String, RouteDefinition> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : routes.fields()) {
            String name = entry.getKey();
            String path = routes.pathOf(name);
            if (name.isEmpty() || name.matches(".*[.$# ].*")) {
                throw new ManifestException(path, "route names must not be empty or contain '.', '$', '#' or ' '");
            }
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                if (!value.textValue().isBlank()) {
                    result.put(name, new RouteDefinition(name, value.textValue(), RouteDefinition.DEFAULT_PRIORITY, 0));
                }
            } else {
                result.put(name, readObject(name, JsonObject.of(value, path)));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static RouteDefinition readObject(String name, JsonObject route) throws ManifestException {
        int priority = route.optionalInteger("priority", 0, 9).map(Long::intValue).orElse(RouteDefinition.DEFAULT_PRIORITY);
        long ttl = route.optionalInteger("timeToLiveSecs", 0, MAX_TTL).orElse(0L);
        return new RouteDefinition(name, route.string("route"), priority, ttl);
    }
}
