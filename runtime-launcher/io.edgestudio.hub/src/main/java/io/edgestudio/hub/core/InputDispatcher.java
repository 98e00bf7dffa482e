package io.edgestudio.hub.core;

import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.StoredMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one module's input queues to its link, highest priority first, through a bounded in-flight
 * window. A queue's checkpoint advances only past acknowledged (or expired) messages, so whatever was not
 * acknowledged is sent again after a reconnect or a restart: at-least-once.
 */
public final class InputDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InputDispatcher.class);

    private final String module;
    private final MessageStore store;
    private final HubMetrics metrics;
    private final InflightWindow window;
    private final LongSupplier nanoTime;
    private final LongSupplier currentMillis;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private ModuleLink link;
    private boolean pumpScheduled;

    /** Where delivery of one queue stands. */
    private static final class Cursor {
        long sentUpTo;
        final TreeSet<Long> pending = new TreeSet<>();
    }

    /** Per queue, the highest offset ever sent: anything up to it is a redelivery. */
    private final Map<String, Long> sentBefore = new HashMap<>();

    InputDispatcher(String module, MessageStore store, HubMetrics metrics, HubSettings settings, LongSupplier nanoTime,
            LongSupplier currentMillis) {
        this.module = module;
        this.store = store;
        this.metrics = metrics;
        this.window = new InflightWindow(settings.inflightWindow(), settings.inflightTimeout().toNanos());
        this.nanoTime = nanoTime;
        this.currentMillis = currentMillis;
    }

    /** Starts delivering to a link (the module subscribed to its inputs); restarts from the checkpoints. */
    synchronized void attach(ModuleLink newLink) {
        link = newLink;
        reset();
        pumpScheduled = false; // a round still queued for the old link does not serve this one
        wake();
    }

    /** Stops delivering to a link; what it did not acknowledge stays in the store. */
    synchronized void detach(ModuleLink oldLink) {
        if (link == oldLink) {
            link = null;
            reset();
        }
    }

    private void reset() {
        cursors.forEach((queue, cursor) -> sentBefore.merge(queue, cursor.sentUpTo, Math::max));
        window.clear();
        cursors.clear();
    }

    /** Schedules a delivery round on the link's thread, if a link is attached. */
    void wake() {
        ModuleLink target;
        synchronized (this) {
            target = link;
            // one round already waiting to run sees everything stored before it starts
            if (target == null || pumpScheduled) {
                return;
            }
            pumpScheduled = true;
        }
        target.executor().execute(() -> {
            synchronized (this) {
                pumpScheduled = false;
                pump(target);
            }
        });
    }

    /**
     * The module acknowledged a message.
     *
     * @param from the link the acknowledgement came on
     * @param packetId its packet id
     */
    public synchronized void acknowledge(ModuleLink from, int packetId) {
        if (from != link) {
            return;
        }
        window.remove(packetId).ifPresent(entry -> {
            done(entry.message());
            metrics.add(HubMetrics.SENT, entry.message().queue(), 1);
        });
        pump(from);
    }

    /** Drops in-flight messages older than the timeout; returns how many. */
    synchronized int expireInflight() {
        List<InflightWindow.Entry> expired = window.removeExpired(nanoTime.getAsLong());
        for (InflightWindow.Entry entry : expired) {
            LOG.warn("Module {} did not acknowledge message {} of {} in time; dropping it", module,
                    entry.message().offset(), entry.message().queue());
            metrics.add(HubMetrics.DROPPED, "unacknowledged", 1);
            done(entry.message());
        }
        if (!expired.isEmpty()) {
            wake();
        }
        return expired.size();
    }

    /** @return how many messages await acknowledgement */
    public synchronized int inflight() {
        return window.size();
    }

    private synchronized void pump(ModuleLink target) {
        if (target != link) {
            return;
        }
        for (QueueName queue : ModuleQueues.of(store, module)) {
            String name = queue.format();
            Cursor cursor = cursors.computeIfAbsent(name, n -> newCursor(n));
            while (!window.isFull()) {
                List<StoredMessage> batch = store.read(name, cursor.sentUpTo, 64);
                if (batch.isEmpty()) {
                    break;
                }
                for (StoredMessage message : batch) {
                    if (window.isFull()) {
                        break;
                    }
                    send(target, queue, cursor, message);
                }
            }
            if (window.isFull()) {
                return;
            }
        }
    }

    private Cursor newCursor(String queue) {
        Cursor cursor = new Cursor();
        cursor.sentUpTo = store.checkpoint(queue);
        return cursor;
    }

    private void send(ModuleLink target, QueueName queue, Cursor cursor, StoredMessage message) {
        cursor.sentUpTo = message.offset();
        cursor.pending.add(message.offset());
        if (message.expiresAtMillis() <= currentMillis.getAsLong()) {
            metrics.add(HubMetrics.DROPPED, "ttl_expiry", 1);
            done(message);
            return;
        }
        InflightWindow.Entry entry = window.add(message, nanoTime.getAsLong());
        boolean redelivery = message.offset() <= sentBefore.getOrDefault(message.queue(), 0L);
        target.sendInput(entry.packetId(), queue.input().orElseThrow(), message, redelivery);
    }

    private void done(StoredMessage message) {
        Cursor cursor = cursors.get(message.queue());
        if (cursor == null) {
            return;
        }
        cursor.pending.remove(message.offset());
        long checkpoint = cursor.pending.isEmpty() ? cursor.sentUpTo : cursor.pending.first() - 1;
        store.checkpoint(message.queue(), checkpoint);
    }
}
