package io.edgestudio.hub.store;

import io.edgestudio.hub.message.HubMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The durable form of a queued message: expiry first (so the cleanup pass reads 8 bytes), then enqueue
 * time, system properties, application properties and body. Version byte in front for later changes.
 */
final class MessageCodec {

    private static final byte VERSION = 1;

    private MessageCodec() {
    }

    static byte[] encode(HubMessage message, long expiresAtMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(expiresAtMillis);
            out.writeByte(VERSION);
            out.writeLong(message.enqueuedTime().toEpochMilli());
            writeMap(out, message.systemProperties());
            writeMap(out, message.properties());
            out.writeInt(message.body().length);
            out.write(message.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static long expiresAt(byte[] encoded) {
        return ByteBuffer.wrap(encoded, 0, Long.BYTES).getLong();
    }

    static HubMessage decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            in.readLong();
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown stored message version " + version);
            }
            Instant enqueued = Instant.ofEpochMilli(in.readLong());
            Map<String, String> system = readMap(in);
            Map<String, String> properties = readMap(in);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new HubMessage(body, system, properties, enqueued);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }
}
