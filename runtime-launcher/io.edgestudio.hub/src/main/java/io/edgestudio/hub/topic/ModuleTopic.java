package io.edgestudio.hub.topic;

/** What a module's PUBLISH topic means to the hub (see {@link TopicPolicy#parsePublish}). */
public sealed interface ModuleTopic {

    /**
     * Telemetry or an output message: {@code devices/d/modules/m/messages/events/<bag>}.
     *
     * @param bag the property bag
     */
    record Events(PropertyBag bag) implements ModuleTopic {
    }

    /**
     * {@code $iothub/twin/GET/?$rid=..}.
     *
     * @param rid the request id
     */
    record TwinGet(String rid) implements ModuleTopic {
    }

    /**
     * {@code $iothub/twin/PATCH/properties/reported/?$rid=..}.
     *
     * @param rid the request id
     */
    record TwinReportedPatch(String rid) implements ModuleTopic {
    }

    /**
     * {@code $iothub/methods/res/<status>/?$rid=..}.
     *
     * @param status the method's status code
     * @param rid the request id
     */
    record MethodResponse(int status, String rid) implements ModuleTopic {
    }

    /**
     * A topic the identity may not publish to (another identity's, or unknown).
     *
     * @param topic the topic
     */
    record Forbidden(String topic) implements ModuleTopic {
    }
}
