package io.edgestudio.hub.core;

import io.edgestudio.hub.message.HubMessage;
import java.util.List;

/** The seam between the hub and the route engine: which queues a module's message goes to. */
@FunctionalInterface
public interface MessageRouting {

    /**
     * @param message the message, its connection device/module and output already set
     * @return every target of every matching route (fan-out); empty if none matches
     */
    List<RouteTarget> route(HubMessage message);

    /** @return routing that matches nothing */
    static MessageRouting none() {
        return message -> List.of();
    }
}
