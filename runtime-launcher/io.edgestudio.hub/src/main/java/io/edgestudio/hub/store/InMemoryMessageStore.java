package io.edgestudio.hub.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link MessageStore} in memory, for tests and for runs without persistence. */
public final class InMemoryMessageStore implements MessageStore {

    private final Map<String, TreeMap<Long, StoredMessage>> queues = new HashMap<>();
    private final Map<String, Long> lastOffsets = new HashMap<>();
    private final Map<String, Long> checkpoints = new HashMap<>();

    @Override
    public synchronized List<StoredMessage> append(List<QueueEntry> entries) {
        List<StoredMessage> stored = new ArrayList<>(entries.size());
        for (QueueEntry entry : entries) {
            long offset = lastOffsets.merge(entry.queue(), 1L, Long::sum);
            StoredMessage message = new StoredMessage(entry.queue(), offset, entry.message(), entry.expiresAtMillis());
            queues.computeIfAbsent(entry.queue(), q -> new TreeMap<>()).put(offset, message);
            stored.add(message);
        }
        return stored;
    }

    @Override
    public synchronized List<StoredMessage> read(String queue, long afterOffset, int max) {
        TreeMap<Long, StoredMessage> messages = queues.get(queue);
        if (messages == null) {
            return List.of();
        }
        return messages.tailMap(afterOffset, false).values().stream().limit(max).toList();
    }

    @Override
    public synchronized void checkpoint(String queue, long offset) {
        if (offset > checkpoint(queue)) {
            checkpoints.put(queue, offset);
            TreeMap<Long, StoredMessage> messages = queues.get(queue);
            if (messages != null) {
                messages.headMap(offset, true).clear();
            }
        }
    }

    @Override
    public synchronized long checkpoint(String queue) {
        return checkpoints.getOrDefault(queue, 0L);
    }

    @Override
    public synchronized Map<String, Integer> removeExpired(long nowMillis) {
        Map<String, Integer> removed = new HashMap<>();
        queues.forEach((queue, messages) -> {
            int before = messages.size();
            messages.values().removeIf(m -> m.expiresAtMillis() <= nowMillis);
            if (messages.size() < before) {
                removed.put(queue, before - messages.size());
            }
        });
        return removed;
    }

    @Override
    public synchronized Set<String> queues() {
        return Set.copyOf(queues.keySet());
    }

    @Override
    public synchronized long size(String queue) {
        TreeMap<Long, StoredMessage> messages = queues.get(queue);
        return messages == null ? 0 : messages.size();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
