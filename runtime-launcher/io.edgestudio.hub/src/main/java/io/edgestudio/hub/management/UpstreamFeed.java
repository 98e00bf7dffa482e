package io.edgestudio.hub.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.core.UpstreamEndpoint;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.store.StoredMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Upstream messages as the management API shows them: JSON with the body as text, or base64 if not UTF-8. */
final class UpstreamFeed {

    private UpstreamFeed() {
    }

    static ArrayNode recentJson(UpstreamEndpoint upstream, int limit) {
        List<StoredMessage> recent = upstream.recent();
        ArrayNode list = ManagementApi.MAPPER.createArrayNode();
        recent.subList(Math.max(0, recent.size() - Math.max(0, limit)), recent.size())
                .forEach(m -> list.add(toJson(m)));
        return list;
    }

    static ObjectNode toJson(StoredMessage stored) {
        HubMessage message = stored.message();
        ObjectNode json = ManagementApi.MAPPER.createObjectNode();
        json.put("queue", stored.queue()).put("enqueuedTime", message.enqueuedTime().toString());
        try {
            json.put("body", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(message.body())).toString());
        } catch (CharacterCodingException e) {
            json.put("bodyBase64", Base64.getEncoder().encodeToString(message.body()));
        }
        message.systemProperties().forEach(json.putObject("systemProperties")::put);
        message.properties().forEach(json.putObject("properties")::put);
        return json;
    }
}
