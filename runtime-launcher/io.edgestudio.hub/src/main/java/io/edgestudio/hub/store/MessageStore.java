package io.edgestudio.hub.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Store-and-forward queues, one per endpoint and priority. Each queue is an ordered log with a checkpoint:
 * everything at or below the checkpoint has been delivered (or given up) and is removed.
 * Implementations are thread-safe; {@link #append} is durable when it returns.
 */
public interface MessageStore extends AutoCloseable {

    /**
     * Adds messages to their queues, all or nothing.
     *
     * @param entries the messages, each with its queue
     * @return the stored messages with their offsets, in the order given
     */
    List<StoredMessage> append(List<QueueEntry> entries);

    /**
     * @param queue a queue
     * @param afterOffset read messages with a greater offset
     * @param max the most to return
     * @return up to {@code max} messages in offset order
     */
    List<StoredMessage> read(String queue, long afterOffset, int max);

    /**
     * Marks everything up to {@code offset} done and removes it.
     *
     * @param queue a queue
     * @param offset the new checkpoint; lower values than the current one are ignored
     */
    void checkpoint(String queue, long offset);

    /**
     * @param queue a queue
     * @return its checkpoint, 0 if none
     */
    long checkpoint(String queue);

    /**
     * The cleanup pass: removes every expired message.
     *
     * @param nowMillis the current time
     * @return per queue, how many messages were removed (queues without removals absent)
     */
    Map<String, Integer> removeExpired(long nowMillis);

    /** @return every queue that has ever had a message */
    Set<String> queues();

    /**
     * @param queue a queue
     * @return how many messages it holds
     */
    long size(String queue);

    @Override
    void close();
}
