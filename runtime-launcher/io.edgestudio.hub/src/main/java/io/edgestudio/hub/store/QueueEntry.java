package io.edgestudio.hub.store;

import io.edgestudio.hub.message.HubMessage;

/**
 * A message to add to one queue.
 *
 * @param queue the queue name
 * @param message the message
 * @param expiresAtMillis when it expires (epoch millis); {@link Long#MAX_VALUE} for never
 */
public record QueueEntry(String queue, HubMessage message, long expiresAtMillis) {
}
