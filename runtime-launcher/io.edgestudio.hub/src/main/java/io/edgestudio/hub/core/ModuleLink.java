package io.edgestudio.hub.core;

import io.edgestudio.hub.store.StoredMessage;
import java.util.concurrent.Executor;

/** A connected module as the hub core sees it, whatever the protocol. */
public interface ModuleLink {

    /** @return the executor all of this link's protocol work runs on (one thread per connection) */
    Executor executor();

    /**
     * Sends a message to one of the module's inputs at QoS 1; the protocol reports the acknowledgement to
     * {@link InputDispatcher#acknowledge(ModuleLink, int)}. It may wait in a buffer until {@link #flush()}.
     *
     * @param packetId the id to acknowledge it with
     * @param input the input name
     * @param message the stored message
     * @param redelivery whether it may have been sent before
     */
    void sendInput(int packetId, String input, StoredMessage message, boolean redelivery);

    /** Sends what {@link #sendInput} buffered. */
    void flush();

    /**
     * Sends a QoS 0 message on a topic (twin responses, desired patches, method calls).
     *
     * @param topic the topic
     * @param payload the payload
     */
    void send(String topic, byte[] payload);

    /** Closes the connection (e.g. when the same identity connects again). */
    void close();
}
