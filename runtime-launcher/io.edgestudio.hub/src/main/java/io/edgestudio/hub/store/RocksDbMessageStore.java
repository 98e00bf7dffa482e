package io.edgestudio.hub.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A durable {@link MessageStore} in RocksDB (what edgeHub uses). Keys: {@code q<queue>\0<offset BE>} for
 * messages, {@code c<queue>} for checkpoints. Appends are one write batch through the WAL; queue sizes and
 * last offsets are rebuilt from the keys when the store opens.
 */
public final class RocksDbMessageStore implements MessageStore {

    static {
        RocksDB.loadLibrary();
    }

    private static final byte MESSAGE = 'q';
    private static final byte CHECKPOINT = 'c';

    private final RocksDB db;
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions();
    private final Map<String, AtomicLong> lastOffsets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sizes = new ConcurrentHashMap<>();
    private final Map<String, Long> checkpoints = new ConcurrentHashMap<>();

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

    private void recover() {
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (key[0] == CHECKPOINT) {
                    String queue = new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
                    long checkpoint = ByteBuffer.wrap(it.value()).getLong();
                    checkpoints.put(queue, checkpoint);
                    lastOffsets.computeIfAbsent(queue, q -> new AtomicLong()).accumulateAndGet(checkpoint, Math::max);
                } else if (key[0] == MESSAGE) {
                    String queue = new String(key, 1, key.length - 1 - Long.BYTES - 1, StandardCharsets.UTF_8);
                    long offset = ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong();
                    lastOffsets.computeIfAbsent(queue, q -> new AtomicLong()).accumulateAndGet(offset, Math::max);
                    sizes.computeIfAbsent(queue, q -> new AtomicLong()).incrementAndGet();
                }
            }
        }
    }

    @Override
    public synchronized List<StoredMessage> append(List<QueueEntry> entries) {
        List<StoredMessage> stored = new ArrayList<>(entries.size());
        Map<String, Long> reserved = new HashMap<>();
        try (WriteBatch batch = new WriteBatch()) {
            for (QueueEntry entry : entries) {
                long offset = reserved.merge(entry.queue(), lastOffset(entry.queue()) + 1, (a, b) -> a + 1);
                batch.put(messageKey(entry.queue(), offset), MessageCodec.encode(entry.message(), entry.expiresAtMillis()));
                stored.add(new StoredMessage(entry.queue(), offset, entry.message(), entry.expiresAtMillis()));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot append to the message store", e);
        }
        reserved.forEach((queue, offset) -> lastOffsets.computeIfAbsent(queue, q -> new AtomicLong()).set(offset));
        for (QueueEntry entry : entries) {
            sizes.computeIfAbsent(entry.queue(), q -> new AtomicLong()).incrementAndGet();
        }
        return stored;
    }

    @Override
    public List<StoredMessage> read(String queue, long afterOffset, int max) {
        List<StoredMessage> result = new ArrayList<>();
        byte[] upper = messageKey(queue, Long.MAX_VALUE);
        try (Slice bound = new Slice(upper); ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read)) {
            for (it.seek(messageKey(queue, afterOffset + 1)); it.isValid() && result.size() < max; it.next()) {
                byte[] key = it.key();
                long offset = ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong();
                byte[] value = it.value();
                result.add(new StoredMessage(queue, offset, MessageCodec.decode(value), MessageCodec.expiresAt(value)));
            }
        }
        return result;
    }

    /**
     * Deletes the checkpointed messages one by one: point deletes below the read position cost readers nothing,
     * whereas a range tombstone per checkpoint would make every new iterator slower.
     */
    @Override
    public synchronized void checkpoint(String queue, long offset) {
        long current = checkpoint(queue);
        if (offset <= current) {
            return;
        }
        long removed = 0;
        try (Slice bound = new Slice(messageKey(queue, offset + 1));
                ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                RocksIterator it = db.newIterator(read); WriteBatch batch = new WriteBatch()) {
            for (it.seek(messageKey(queue, current + 1)); it.isValid(); it.next()) {
                batch.delete(it.key());
                removed++;
            }
            batch.put(checkpointKey(queue), ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StoreException("cannot checkpoint queue " + queue, e);
        }
        checkpoints.put(queue, offset);
        sizes.computeIfAbsent(queue, q -> new AtomicLong()).addAndGet(-removed);
    }

    @Override
    public long checkpoint(String queue) {
        return checkpoints.getOrDefault(queue, 0L);
    }

    @Override
    public synchronized Map<String, Integer> removeExpired(long nowMillis) {
        Map<String, Integer> removed = new HashMap<>();
        for (String queue : queues()) {
            int count = 0;
            byte[] upper = messageKey(queue, Long.MAX_VALUE);
            try (Slice bound = new Slice(upper); ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
                    RocksIterator it = db.newIterator(read); WriteBatch batch = new WriteBatch()) {
                for (it.seek(messageKey(queue, 0)); it.isValid(); it.next()) {
                    if (MessageCodec.expiresAt(it.value()) <= nowMillis) {
                        batch.delete(it.key());
                        count++;
                    }
                }
                db.write(writeOptions, batch);
            } catch (RocksDBException e) {
                throw new StoreException("cannot remove expired messages from " + queue, e);
            }
            if (count > 0) {
                removed.put(queue, count);
                sizes.get(queue).addAndGet(-count);
            }
        }
        return removed;
    }

    @Override
    public Set<String> queues() {
        return Set.copyOf(lastOffsets.keySet());
    }

    @Override
    public long size(String queue) {
        AtomicLong size = sizes.get(queue);
        return size == null ? 0 : size.get();
    }

    @Override
    public void close() {
        writeOptions.close();
        db.close();
        options.close();
    }

    private long lastOffset(String queue) {
        AtomicLong last = lastOffsets.get(queue);
        return last == null ? 0 : last.get();
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
