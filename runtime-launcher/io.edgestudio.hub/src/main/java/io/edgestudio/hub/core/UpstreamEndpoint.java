package io.edgestudio.hub.core;

import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.StoredMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The local stand-in for IoT Hub: drains the {@code $upstream} queues, highest priority first, into a bounded
 * in-memory record and to listeners. Offline, it holds delivery (messages accumulate in the store) and drains
 * in priority order when back online.
 */
public final class UpstreamEndpoint implements AutoCloseable {

    private static final int BATCH = 256;
    private static final int CLOSE_WAIT_SECONDS = 5;

    private final MessageStore store;
    private final HubMetrics metrics;
    private final int capacity;
    private final Deque<StoredMessage> recent = new ArrayDeque<>();
    private final List<Consumer<StoredMessage>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "edgehub-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final LongSupplier currentMillis;
    private volatile boolean online = true;
    private volatile boolean closed;

    UpstreamEndpoint(MessageStore store, HubMetrics metrics, int capacity, LongSupplier currentMillis) {
        this.currentMillis = currentMillis;
        this.store = store;
        this.metrics = metrics;
        this.capacity = capacity;
    }

    /** @param listener called on the upstream thread for every message that reaches upstream */
    public void addListener(Consumer<StoredMessage> listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before; it is called no more */
    public void removeListener(Consumer<StoredMessage> listener) {
        listeners.remove(listener);
    }

    /** @return the most recent upstream messages, oldest first */
    public synchronized List<StoredMessage> recent() {
        return List.copyOf(recent);
    }

    /** @param value whether upstream accepts messages; going online drains what accumulated */
    public void setOnline(boolean value) {
        online = value;
        wake();
    }

    /** @return whether upstream accepts messages */
    public boolean isOnline() {
        return online;
    }

    void wake() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException closing) {
            // closed: what is stored is drained by the next start
        }
    }

    /** Drains batch by batch, always restarting from the highest priority queue that has messages. */
    private void drain() {
        while (online && !closed) {
            Optional<String> next = store.queues().stream().map(QueueName::parse).flatMap(Optional::stream)
                    .filter(q -> q.endpoint().equals(QueueName.UPSTREAM)).sorted(QueueName.DELIVERY_ORDER)
                    .map(QueueName::format).filter(q -> store.size(q) > 0).findFirst();
            if (next.isEmpty() || !drainBatch(next.get())) {
                return;
            }
        }
    }

    private boolean drainBatch(String queue) {
        List<StoredMessage> batch = store.read(queue, store.checkpoint(queue), BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        long now = currentMillis.getAsLong();
        for (StoredMessage message : batch) {
            if (message.expiresAtMillis() <= now) {
                metrics.add(HubMetrics.DROPPED, "ttl_expiry", 1);
            } else {
                record(message);
            }
        }
        store.checkpoint(queue, batch.get(batch.size() - 1).offset());
        return true;
    }

    private void record(StoredMessage message) {
        // counted before the message becomes visible, so a reader who sees it also sees it counted
        metrics.add(HubMetrics.SENT, QueueName.UPSTREAM, 1);
        synchronized (this) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(message);
        }
        listeners.forEach(listener -> listener.accept(message));
    }

    /** Stops draining: the batch in progress is finished (recorded and checkpointed) before this returns. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
