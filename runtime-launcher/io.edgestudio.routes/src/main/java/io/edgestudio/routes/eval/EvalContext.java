package io.edgestudio.routes.eval;

import io.edgestudio.routes.RoutingMessage;
import io.edgestudio.routes.eval.Value.Str;

/**
 * One message under evaluation. The body is parsed at most once per context, so a router that evaluates many
 * conditions against one message shares a single context between them.
 */
public final class EvalContext {

    private final RoutingMessage message;
    private BodyDocument body;

    public EvalContext(RoutingMessage message) {
        this.message = message;
    }

    Value property(String name) {
        return message.properties().containsKey(name) ? new Str(message.properties().get(name)) : Value.UNDEFINED;
    }

    boolean hasProperty(String name) {
        return message.properties().containsKey(name);
    }

    Value systemProperty(String name) {
        return message.systemProperties().containsKey(name)
                ? new Str(message.systemProperties().get(name)) : Value.UNDEFINED;
    }

    BodyDocument body() {
        if (body == null) {
            body = BodyDocument.of(message);
        }
        return body;
    }
}
