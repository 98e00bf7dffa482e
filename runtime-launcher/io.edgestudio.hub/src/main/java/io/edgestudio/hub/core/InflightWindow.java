package io.edgestudio.hub.core;

import io.edgestudio.hub.store.StoredMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QoS 1 messages sent to one module and not yet acknowledged, bounded in number. Entries older than the
 * timeout expire: the Azure IoT SDK never acknowledges a message for an input without a callback, and such
 * messages must not block the window forever.
 */
final class InflightWindow {

    private static final int MAX_PACKET_ID = 65535;

    private final int capacity;
    private final long timeoutNanos;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int lastPacketId;

    record Entry(int packetId, StoredMessage message, long sentAtNanos) {
    }

    InflightWindow(int capacity, long timeoutNanos) {
        this.capacity = Math.min(capacity, MAX_PACKET_ID);
        this.timeoutNanos = timeoutNanos;
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    int size() {
        return entries.size();
    }

    Entry add(StoredMessage message, long nowNanos) {
        do {
            lastPacketId = lastPacketId == MAX_PACKET_ID ? 1 : lastPacketId + 1;
        } while (entries.containsKey(lastPacketId));
        Entry entry = new Entry(lastPacketId, message, nowNanos);
        entries.put(entry.packetId(), entry);
        return entry;
    }

    Optional<Entry> remove(int packetId) {
        return Optional.ofNullable(entries.remove(packetId));
    }

    List<Entry> removeExpired(long nowNanos) {
        List<Entry> expired = new ArrayList<>();
        entries.values().removeIf(e -> {
            boolean old = nowNanos - e.sentAtNanos() >= timeoutNanos;
            if (old) {
                expired.add(e);
            }
            return old;
        });
        return expired;
    }

    void clear() {
        entries.clear();
    }
}
