package io.edgestudio.hub.core;

import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.StoredMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one module's input queues to its link, highest priority first, through a bounded in-flight
 * window. A queue's checkpoint advances only past acknowledged (or expired) messages, so whatever was not
 * acknowledged is sent again after a reconnect or a restart: at-least-once.
 *
 * <p>Delivery rounds run on the link's thread. Messages stored while the module is connected are handed over
 * as they are stored ({@link #offer}) and sent from memory; the store is read (in batches) only for what was
 * there before, or what could not be handed over. Acknowledgements arrive in batches (one per network read) and
 * advance each queue's checkpoint once per batch.
 */
public final class InputDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InputDispatcher.class);
    /** How many messages one store read returns. */
    private static final int READ_BATCH = 256;
    /**
     * How many bytes of messages a queue holds in memory ahead of the window, as handed over when they were stored;
     * beyond it they are read from the store when their turn comes.
     */
    static final long BUFFER_BYTES = 16L * 1024 * 1024;
    /** What a buffered message costs besides its body (objects, properties), roughly. */
    private static final int MESSAGE_OVERHEAD_BYTES = 256;

    private final String module;
    private final MessageStore store;
    private final HubMetrics metrics;
    private final InflightWindow window;
    private final LongSupplier nanoTime;
    private final LongSupplier currentMillis;
    private final Map<String, Cursor> cursors = new HashMap<>();
    /** Messages stored for this module since the last round, in the order the senders handed them over. */
    private final Queue<StoredMessage> fresh = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private volatile ModuleLink link;
    private Set<String> knownQueues = Set.of();
    private List<QueueName> deliveryOrder = List.of();

    /** Where delivery of one queue stands. */
    private static final class Cursor {
        /** The highest offset sent. */
        long sentUpTo;
        /** The highest offset sent or buffered: the next message to buffer follows it. */
        long readUpTo;
        /** Whether the store held nothing after {@link #readUpTo} that was not handed over since. */
        boolean caughtUp;
        final ArrayDeque<StoredMessage> buffer = new ArrayDeque<>();
        /** The bytes {@link #buffer} holds, by {@link #bytes}. */
        long bufferedBytes;
        final TreeSet<Long> pending = new TreeSet<>();

        void buffer(StoredMessage message) {
            buffer.add(message);
            bufferedBytes += bytes(message);
        }

        StoredMessage poll() {
            StoredMessage message = buffer.poll();
            if (message != null) {
                bufferedBytes -= bytes(message);
            }
            return message;
        }

        private static long bytes(StoredMessage message) {
            return message.message().body().length + MESSAGE_OVERHEAD_BYTES;
        }
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
        pumpScheduled.set(false); // a round still queued for the old link does not serve this one
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
        fresh.clear();
    }

    /**
     * Hands over messages just stored for this module (in offset order per queue) and schedules a delivery round.
     * Called by whoever stored them, on any thread; without an attached link they wait in the store.
     *
     * @param stored the stored messages
     */
    void offer(List<StoredMessage> stored) {
        if (link != null) {
            fresh.addAll(stored);
            wake();
        }
    }

    /** Schedules a delivery round on the link's thread, if a link is attached. Never blocks. */
    void wake() {
        ModuleLink target = link;
        // one round already waiting to run sees everything stored before it starts
        if (target == null || !pumpScheduled.compareAndSet(false, true)) {
            return;
        }
        target.executor().execute(() -> {
            pumpScheduled.set(false);
            synchronized (this) {
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
    public void acknowledge(ModuleLink from, int packetId) {
        acknowledge(from, new int[] {packetId}, 1);
    }

    /**
     * The module acknowledged messages; each queue's checkpoint advances once for all of them.
     *
     * @param from the link the acknowledgements came on
     * @param packetIds their packet ids
     * @param count how many of {@code packetIds} are used
     */
    public synchronized void acknowledge(ModuleLink from, int[] packetIds, int count) {
        if (from != link) {
            return;
        }
        Set<String> touched = new HashSet<>(2);
        for (int i = 0; i < count; i++) {
            window.remove(packetIds[i]).ifPresent(entry -> {
                done(entry.message());
                touched.add(entry.message().queue());
                metrics.add(HubMetrics.SENT, entry.message().queue(), 1);
            });
        }
        touched.forEach(this::checkpoint);
        pump(from);
    }

    /** Drops in-flight messages older than the timeout; returns how many. */
    synchronized int expireInflight() {
        List<InflightWindow.Entry> expired = window.removeExpired(nanoTime.getAsLong());
        Set<String> touched = new HashSet<>();
        for (InflightWindow.Entry entry : expired) {
            LOG.warn("Module {} did not acknowledge message {} of {} in time; dropping it", module,
                    entry.message().offset(), entry.message().queue());
            metrics.add(HubMetrics.DROPPED, "unacknowledged", 1);
            done(entry.message());
            touched.add(entry.message().queue());
        }
        touched.forEach(this::checkpoint);
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
        List<QueueName> queues = queues();
        takeFresh();
        Set<String> touched = null;
        int before = window.size();
        for (QueueName queue : queues) {
            String name = queue.format();
            Cursor cursor = cursors.computeIfAbsent(name, this::newCursor);
            while (!window.isFull()) {
                StoredMessage message = next(name, cursor);
                if (message == null) {
                    break;
                }
                if (!send(target, queue, cursor, message)) {
                    touched = touched == null ? new HashSet<>(2) : touched;
                    touched.add(name);
                }
            }
            if (window.isFull()) {
                break;
            }
        }
        if (touched != null) {
            touched.forEach(this::checkpoint);
        }
        if (window.size() != before) {
            target.flush();
        }
    }

    /** The module's input queues in delivery order; parsed again only when the store has new queues. */
    private List<QueueName> queues() {
        Set<String> all = store.queues();
        if (!all.equals(knownQueues)) {
            knownQueues = all;
            deliveryOrder = ModuleQueues.of(all, module);
        }
        return deliveryOrder;
    }

    /** Moves handed-over messages into their queue's buffer when they follow on from it. */
    private void takeFresh() {
        for (StoredMessage message = fresh.poll(); message != null; message = fresh.poll()) {
            Cursor cursor = cursors.get(message.queue());
            if (cursor == null || message.offset() <= cursor.readUpTo) {
                continue; // read from the store when the queue's cursor starts, or already read
            }
            if (message.offset() == cursor.readUpTo + 1 && cursor.bufferedBytes < BUFFER_BYTES) {
                cursor.buffer(message);
                cursor.readUpTo = message.offset();
            } else {
                cursor.caughtUp = false; // left in the store: read it from there
            }
        }
    }

    /** The next message of a queue to send: from the buffer, else from the store unless it is caught up. */
    private StoredMessage next(String queue, Cursor cursor) {
        if (cursor.buffer.isEmpty() && !cursor.caughtUp) {
            List<StoredMessage> batch = store.read(queue, cursor.readUpTo, READ_BATCH);
            batch.forEach(cursor::buffer);
            if (!batch.isEmpty()) {
                cursor.readUpTo = batch.getLast().offset();
            }
            cursor.caughtUp = batch.size() < READ_BATCH;
        }
        return cursor.poll();
    }

    private Cursor newCursor(String queue) {
        Cursor cursor = new Cursor();
        cursor.sentUpTo = store.checkpoint(queue);
        cursor.readUpTo = cursor.sentUpTo;
        return cursor;
    }

    /** Sends a message, or drops it if it expired; returns whether it was sent. */
    private boolean send(ModuleLink target, QueueName queue, Cursor cursor, StoredMessage message) {
        cursor.sentUpTo = message.offset();
        cursor.pending.add(message.offset());
        if (message.expiresAtMillis() <= currentMillis.getAsLong()) {
            metrics.add(HubMetrics.DROPPED, "ttl_expiry", 1);
            done(message);
            return false;
        }
        InflightWindow.Entry entry = window.add(message, nanoTime.getAsLong());
        boolean redelivery = message.offset() <= sentBefore.getOrDefault(message.queue(), 0L);
        target.sendInput(entry.packetId(), queue.input().orElseThrow(), message, redelivery);
        return true;
    }

    private void done(StoredMessage message) {
        Cursor cursor = cursors.get(message.queue());
        if (cursor != null) {
            cursor.pending.remove(message.offset());
        }
    }

    /** Advances a queue's checkpoint past everything sent that is no longer pending. */
    private void checkpoint(String queue) {
        Cursor cursor = cursors.get(queue);
        if (cursor != null) {
            store.checkpoint(queue, cursor.pending.isEmpty() ? cursor.sentUpTo : cursor.pending.first() - 1);
        }
    }
}
