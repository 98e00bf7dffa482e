package io.edgestudio.hub.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link MessageStore} in RocksDB (what edgeHub uses). Keys: {@code q<queue>\0<offset BE>} for
 * messages, {@code c<queue>} for checkpoints and {@code m<queue>} for the queue's last offset and size, written in
 * the same batch as every change, so that reopening reads a few keys per queue instead of every message. Appends
 * are one write batch through the WAL.
 *
 * <p>The TTL cleanup pass visits only queues whose earliest expiry is due, and of a queue whose messages expire in
 * the order they were stored (one TTL per queue, the usual case) only the expired head.
 *
 * <p>A checkpoint takes effect at once for everything this store answers ({@link #read}, {@link #size},
 * {@link #checkpoint(String)}), but is written together with the next append (one write-ahead log write for both),
 * or on its own once it has waited {@value #CHECKPOINT_DELAY_MILLIS} ms, at the cleanup pass or at {@link #close}.
 * What a crash loses of it is delivered again: at-least-once, as for a message whose acknowledgement was lost.
 */
public final class RocksDbMessageStore implements MessageStore {

    static {
        RocksDbLibrary.load();
    }

    private static final Logger LOG = LoggerFactory.getLogger(RocksDbMessageStore.class);
    private static final byte CHECKPOINT = 'c';
    private static final byte META = 'm';
    private static final byte MESSAGE = 'q';
    /** How long a checkpoint may wait for an append to be written with. */
    static final long CHECKPOINT_DELAY_MILLIS = 20;

    private final RocksDB db;
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions();
    private final Map<String, QueueState> queues = new ConcurrentHashMap<>();
    /** Per queue, the checkpoint taken and not yet written, and the one written before it; guarded by the lock. */
    private final Map<String, long[]> unwritten = new HashMap<>();
    /** When the oldest of {@link #unwritten} was taken ({@link System#nanoTime}). */
    private long unwrittenSinceNanos;

    /** What the store knows about one queue; guarded by the store's lock, read without it. */
    private static final class QueueState {
        volatile long lastOffset;
        volatile long size;
        volatile long checkpoint;
        /**
         * The highest offset the cleanup pass removed: above the checkpoint and up to it, offsets may have no
         * message. After reopening, the last offset (unknown).
         */
        long expiredUpTo;
        /** Earliest expiry among the stored messages; {@link Long#MIN_VALUE} when unknown (after reopening). */
        long earliestExpiry = Long.MIN_VALUE;
        /** Whether the stored messages' expiries never decrease with their offsets; false when unknown. */
        boolean expiryOrdered;
        long lastExpiry;

        byte[] meta() {
            return ByteBuffer.allocate(2 * Long.BYTES).putLong(lastOffset).putLong(size).array();
        }

        void emptied() {
            earliestExpiry = Long.MAX_VALUE;
            expiryOrdered = true;
            lastExpiry = Long.MIN_VALUE;
        }
    }

    private RocksDbMessageStore(RocksDB db, Options options) {
        this.db = db;
        this.options = options;
    }

    /**
     * @param directory the database directory (created if needed)
     * @return the open store with its queues recovered
     * @throws StoreException if RocksDB cannot open the directory
     */
    public static RocksDbMessageStore open(Path directory) {
        Options options = new Options().setCreateIfMissing(true);
        try {
            RocksDbMessageStore store = new RocksDbMessageStore(RocksDB.open(options, directory.toString()), options);
            store.recover();
            return store;
        } catch (RocksDBException e) {
            options.close();
            throw new StoreException("cannot open message store " + directory, e);
        }
    }

    /** Reads the checkpoint and meta keys, then visits each queue's first and last message key only. */
    private void recover() throws RocksDBException {
        Set<String> withMeta = new HashSet<>();
        try (Slice bound = new Slice(new byte[] {MESSAGE}); ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                String queue = new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
                ByteBuffer value = ByteBuffer.wrap(it.value());
                if (key[0] == CHECKPOINT) {
                    state(queue).checkpoint = value.getLong();
                } else if (key[0] == META) {
                    QueueState state = state(queue);
                    state.lastOffset = value.getLong();
                    state.size = value.getLong();
                    withMeta.add(queue);
                }
            }
        }
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(new byte[] {MESSAGE}); it.isValid() && it.key()[0] == MESSAGE;) {
                byte[] first = it.key();
                String queue = new String(first, 1, first.length - 1 - Long.BYTES - 1, StandardCharsets.UTF_8);
                QueueState state = state(queue);
                if (!withMeta.contains(queue)) {
                    countLegacyQueue(queue, state);
                }
                it.seekForPrev(messageKey(queue, Long.MAX_VALUE));
                byte[] last = it.key();
                state.lastOffset = Math.max(state.lastOffset, offsetOf(last));
                it.seek(nextQueueKey(queue));
            }
        }
        for (QueueState state : queues.values()) {
            state.lastOffset = Math.max(state.lastOffset, state.checkpoint);
            state.expiredUpTo = state.lastOffset;
            if (state.size > 0) {
                // expiries unknown until the first cleanup pass visits the queue
                state.earliestExpiry = Long.MIN_VALUE;
                state.expiryOrdered = false;
            }
        }
    }

    /** A queue written before sizes were kept: counted once, and its meta key written. */
    private void countLegacyQueue(String queue, QueueState state) throws RocksDBException {
        long count = 0;
        try (Slice bound = new Slice(messageKey(queue, Long.MAX_VALUE));
                ReadOptions read = new ReadOptions().setIterateUpperBound(bound); RocksIterator it = db.newIterator(read)) {
            for (it.seek(messageKey(queue, 0)); it.isValid(); it.next()) {
                count++;
                state.lastOffset = Math.max(state.lastOffset, offsetOf(it.key()));
            }
        }
        state.size = count;
        db.put(writeOptions, metaKey(queue), state.meta());
    }

    private QueueState state(String queue) {
        return queues.computeIfAbsent(queue, q -> {
            QueueState state = new QueueState();
            state.emptied();
            return state;
        });
    }

    @Override
    public synchronized List<StoredMessage> append(List<QueueEntry> entries) {
        List<StoredMessage> stored = new ArrayList<>(entries.size());
        Map<String, Long> reserved = new HashMap<>();
        try (WriteBatch batch = new WriteBatch()) {
            addUnwrittenCheckpoints(batch);
            for (QueueEntry entry : entries) {
                long offset = reserved.merge(entry.queue(), lastOffset(entry.queue()) + 1, (a, b) -> a + 1);
                batch.put(messageKey(entry.queue(), offset), MessageCodec.encode(entry.message(), entry.expiresAtMillis()));
                stored.add(new StoredMessage(entry.queue(), offset, entry.message(), entry.expiresAtMillis()));
            }
            Map<String, Long> added = new HashMap<>();
            entries.forEach(entry -> added.merge(entry.queue(), 1L, Long::sum));
            for (Map.Entry<String, Long> queue : reserved.entrySet()) {
                byte[] meta = ByteBuffer.allocate(2 * Long.BYTES).putLong(queue.getValue())
                        .putLong(size(queue.getKey()) + added.get(queue.getKey())).array();
                batch.put(metaKey(queue.getKey()), meta);
            }
            db.write(writeOptions, batch);
            unwrittenWritten();
        } catch (RocksDBException e) {
            throw new StoreException("cannot append to the message store", e);
        }
        for (QueueEntry entry : entries) {
            QueueState state = state(entry.queue());
            if (state.size == 0) {
                state.emptied();
            }
            long expiry = entry.expiresAtMillis();
            state.expiryOrdered &= expiry >= state.lastExpiry;
            state.lastExpiry = expiry;
            state.earliestExpiry = Math.min(state.earliestExpiry, expiry);
            state.size++;
        }
        reserved.forEach((queue, offset) -> state(queue).lastOffset = offset);
        return stored;
    }

    @Override
    public List<StoredMessage> read(String queue, long afterOffset, int max) {
        List<StoredMessage> result = new ArrayList<>();
        byte[] upper = messageKey(queue, Long.MAX_VALUE);
        // a checkpoint not yet written has removed its messages all the same
        long after = Math.max(afterOffset, checkpoint(queue));
        try (Slice bound = new Slice(upper); ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read)) {
            for (it.seek(messageKey(queue, after + 1)); it.isValid() && result.size() < max; it.next()) {
                byte[] value = it.value();
                result.add(new StoredMessage(queue, offsetOf(it.key()), MessageCodec.decode(value),
                        MessageCodec.expiresAt(value)));
            }
        }
        return result;
    }

    /**
     * Deletes the checkpointed messages one by one: point deletes below the read position cost readers nothing,
     * whereas a range tombstone per checkpoint would make every new iterator slower. Where the cleanup pass left no
     * gaps, the deleted offsets are known without reading and the write waits for the next append; otherwise the
     * remaining messages are looked up and the checkpoint is written at once.
     */
    @Override
    public synchronized void checkpoint(String queue, long offset) {
        long current = checkpoint(queue);
        if (offset <= current) {
            return;
        }
        QueueState state = state(queue);
        if (current < state.expiredUpTo) {
            writeCheckpointWithGaps(queue, state, current, offset);
            return;
        }
        long removed = Math.max(0, Math.min(offset, state.lastOffset) - current);
        long[] range = unwritten.get(queue);
        if (range == null) {
            unwritten.put(queue, new long[] {current, offset});
        } else {
            range[1] = offset;
        }
        state.checkpoint = offset;
        state.lastOffset = Math.max(state.lastOffset, offset);
        state.size -= removed;
        if (state.size == 0) {
            state.emptied();
        }
        long now = System.nanoTime();
        if (unwritten.size() == 1 && range == null) {
            unwrittenSinceNanos = now;
        } else if (now - unwrittenSinceNanos >= CHECKPOINT_DELAY_MILLIS * 1_000_000) {
            writeUnwrittenCheckpoints();
        }
    }

    private void writeCheckpointWithGaps(String queue, QueueState state, long current, long offset) {
        long removed = 0;
        try (Slice bound = new Slice(messageKey(queue, offset + 1));
                ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read); WriteBatch batch = new WriteBatch()) {
            addUnwrittenCheckpoints(batch);
            for (it.seek(messageKey(queue, current + 1)); it.isValid(); it.next()) {
                batch.delete(it.key());
                removed++;
            }
            batch.put(checkpointKey(queue), ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
            batch.put(metaKey(queue), ByteBuffer.allocate(2 * Long.BYTES).putLong(Math.max(state.lastOffset, offset))
                    .putLong(state.size - removed).array());
            db.write(writeOptions, batch);
            unwrittenWritten();
        } catch (RocksDBException e) {
            throw new StoreException("cannot checkpoint queue " + queue, e);
        }
        state.checkpoint = offset;
        state.lastOffset = Math.max(state.lastOffset, offset);
        state.size -= removed;
        if (state.size == 0) {
            state.emptied();
        }
    }

    /** Writes the checkpoints taken since the last write, if any. */
    private void writeUnwrittenCheckpoints() {
        if (unwritten.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            addUnwrittenCheckpoints(batch);
            db.write(writeOptions, batch);
            unwrittenWritten();
        } catch (RocksDBException e) {
            throw new StoreException("cannot write the checkpoints of " + unwritten.keySet(), e);
        }
    }

    /**
     * Adds the checkpoints not yet written to a batch: the deletes of their messages (no gaps there, so the offsets
     * are known), the checkpoint and the queue's meta key as they stand now. Meta keys the batch puts later win.
     */
    private void addUnwrittenCheckpoints(WriteBatch batch) throws RocksDBException {
        for (Map.Entry<String, long[]> entry : unwritten.entrySet()) {
            String queue = entry.getKey();
            QueueState state = state(queue);
            long from = entry.getValue()[0];
            long to = entry.getValue()[1];
            for (long offset = from + 1; offset <= to && offset <= state.lastOffset; offset++) {
                batch.delete(messageKey(queue, offset));
            }
            batch.put(checkpointKey(queue), ByteBuffer.allocate(Long.BYTES).putLong(to).array());
            batch.put(metaKey(queue), state.meta());
        }
    }

    private void unwrittenWritten() {
        unwritten.clear();
    }

    @Override
    public long checkpoint(String queue) {
        QueueState state = queues.get(queue);
        return state == null ? 0 : state.checkpoint;
    }

    @Override
    public synchronized Map<String, Integer> removeExpired(long nowMillis) {
        writeUnwrittenCheckpoints();
        Map<String, Integer> removed = new HashMap<>();
        for (Map.Entry<String, QueueState> queue : queues.entrySet()) {
            QueueState state = queue.getValue();
            if (state.size > 0 && state.earliestExpiry <= nowMillis) {
                int count = removeExpired(queue.getKey(), state, nowMillis);
                if (count > 0) {
                    removed.put(queue.getKey(), count);
                }
            }
        }
        return removed;
    }

    /**
     * Deletes a queue's expired messages; stops at the first live one when expiries are in offset order, else
     * visits every message and learns the order and the earliest expiry of what stays.
     */
    private int removeExpired(String queue, QueueState state, long nowMillis) {
        boolean wholeQueue = !state.expiryOrdered;
        int count = 0;
        long earliest = Long.MAX_VALUE;
        long previous = Long.MIN_VALUE;
        boolean ordered = true;
        try (Slice bound = new Slice(messageKey(queue, Long.MAX_VALUE));
                ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read); WriteBatch batch = new WriteBatch()) {
            for (it.seek(messageKey(queue, state.checkpoint + 1)); it.isValid(); it.next()) {
                long expiry = MessageCodec.expiresAt(it.value());
                if (expiry <= nowMillis) {
                    batch.delete(it.key());
                    state.expiredUpTo = Math.max(state.expiredUpTo, offsetOf(it.key()));
                    count++;
                    continue;
                }
                earliest = Math.min(earliest, expiry);
                if (!wholeQueue) {
                    break;
                }
                ordered &= expiry >= previous;
                previous = expiry;
            }
            if (count > 0) {
                batch.put(metaKey(queue), ByteBuffer.allocate(2 * Long.BYTES).putLong(state.lastOffset)
                        .putLong(state.size - count).array());
                db.write(writeOptions, batch);
            }
        } catch (RocksDBException e) {
            throw new StoreException("cannot remove expired messages from " + queue, e);
        }
        state.size -= count;
        state.earliestExpiry = earliest;
        if (wholeQueue) {
            state.expiryOrdered = ordered;
            state.lastExpiry = previous;
        }
        if (state.size == 0) {
            state.emptied();
        }
        return count;
    }

    @Override
    public Set<String> queues() {
        return Set.copyOf(queues.keySet());
    }

    @Override
    public long size(String queue) {
        QueueState state = queues.get(queue);
        return state == null ? 0 : state.size;
    }

    @Override
    public void close() {
        synchronized (this) {
            writeUnwrittenCheckpoints();
        }
        // written to table files now, so the next start does not replay the write-ahead log
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            LOG.warn("Could not flush the message store before closing; the next start replays its log", e);
        }
        writeOptions.close();
        db.close();
        options.close();
    }

    private long lastOffset(String queue) {
        QueueState state = queues.get(queue);
        return state == null ? 0 : state.lastOffset;
    }

    private static long offsetOf(byte[] messageKey) {
        return ByteBuffer.wrap(messageKey, messageKey.length - Long.BYTES, Long.BYTES).getLong();
    }

    /** The smallest key after every message key of {@code queue}. */
    private static byte[] nextQueueKey(String queue) {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + name.length + 1).put(MESSAGE).put(name).put((byte) 1).array();
    }

    private static byte[] metaKey(String queue) {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + name.length).put(META).put(name).array();
    }

    private static byte[] messageKey(String queue, long offset) {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + name.length + 1 + Long.BYTES).put(MESSAGE).put(name).put((byte) 0)
                .putLong(offset).array();
    }

    private static byte[] checkpointKey(String queue) {
        byte[] name = queue.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + name.length).put(CHECKPOINT).put(name).array();
    }

}
