package io.edgestudio.hub.store;

import io.edgestudio.hub.message.HubMessage;

/**
 * A message in one endpoint queue.
 *
 * @param queue the queue name
 * @param offset its position in the queue, increasing from 1
 * @param message the message
 * @param expiresAtMillis when it expires (epoch millis); {@link Long#MAX_VALUE} for never
 */
public record StoredMessage(String queue, long offset, HubMessage message, long expiresAtMillis) {
}
