package io.edgestudio.hub.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.core.QueueName;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.message.SystemProperty;
import io.edgestudio.hub.store.StoredMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every message delivered to {@code $upstream} to {@code messages.jsonl}, one JSON object a line:
 * {@code enqueuedTime}, the sending {@code device}/{@code module}/{@code output}, the {@code route} that sent
 * it upstream (and its {@code priority} unless the default), {@code properties}, {@code systemProperties} and
 * the {@code body} as JSON when it parses as JSON, otherwise {@code bodyBase64}. Files rotate by size
 * ({@link UpstreamRecording}). Each line is written with one system call, so a killed hub leaves whole lines.
 * A write failure is logged once and never stops upstream delivery; recording resumes when writing works again.
 */
public final class UpstreamRecorder implements Consumer<StoredMessage>, AutoCloseable {

    /** The current file's name; rotated ones add {@code .1}, {@code .2}, ... (higher is older). */
    public static final String FILE_NAME = "messages.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRecorder.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path directory;
    private final UpstreamRecording limits;
    private final MessageRouting routing;
    private FileChannel channel;
    private long size;
    private boolean failing;
    private boolean closed;

    private UpstreamRecorder(Path directory, UpstreamRecording limits, MessageRouting routing) {
        this.directory = directory;
        this.limits = limits;
        this.routing = routing;
    }

    /**
     * @param directory where the files live (created if needed); existing files are appended to
     * @param limits the rotation limits
     * @param routing the hub's routes, to name the route that sent each message upstream
     * @return the open recorder
     * @throws IOException if the directory or file cannot be created
     */
    public static UpstreamRecorder open(Path directory, UpstreamRecording limits, MessageRouting routing)
            throws IOException {
        UpstreamRecorder recorder = new UpstreamRecorder(directory, limits, routing);
        Files.createDirectories(directory);
        recorder.openFile();
        return recorder;
    }

    /** @return the file being written */
    public Path file() {
        return rotated(0);
    }

    /**
     * @param index 0 for the current file, 1 for the newest rotated one, ...
     * @return that file's path
     */
    public Path rotated(int index) {
        return directory.resolve(index == 0 ? FILE_NAME : FILE_NAME + "." + index);
    }

    @Override
    public synchronized void accept(StoredMessage message) {
        if (closed) {
            return;
        }
        byte[] line = line(message);
        try {
            if (channel == null) {
                openFile();
            }
            if (size > 0 && size + line.length > limits.maxFileBytes()) {
                rotate();
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            size += line.length;
            if (failing) {
                LOG.info("Recording upstream messages in {} again", file());
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) {
                LOG.warn("Cannot record upstream messages in {} (delivery goes on): {}", file(), e.toString());
                failing = true;
            }
            closeChannel();
        }
    }

    private void openFile() throws IOException {
        channel = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        size = channel.size();
    }

    /** Shifts {@code .1 → .2 → ...}, drops the oldest beyond the limit and starts an empty current file. */
    private void rotate() throws IOException {
        closeChannel();
        int files = limits.maxFiles();
        Files.deleteIfExists(rotated(files - 1));
        for (int i = files - 2; i >= 0; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        openFile();
    }

    private byte[] line(StoredMessage stored) {
        HubMessage message = stored.message();
        ObjectNode json = MAPPER.createObjectNode().put("enqueuedTime", message.enqueuedTime().toString());
        message.systemProperty(SystemProperty.CONNECTION_DEVICE_ID).ifPresent(v -> json.put("device", v));
        message.systemProperty(SystemProperty.CONNECTION_MODULE_ID).ifPresent(v -> json.put("module", v));
        message.systemProperty(SystemProperty.OUTPUT_NAME).ifPresent(v -> json.put("output", v));
        Optional<QueueName> queue = QueueName.parse(stored.queue());
        queue.flatMap(q -> route(message, q)).ifPresent(r -> json.put("route", r));
        queue.filter(q -> q.priority() != QueueName.DEFAULT_PRIORITY).ifPresent(q -> json.put("priority", q.priority()));
        message.properties().forEach(json.putObject("properties")::put);
        message.systemProperties().forEach(json.putObject("systemProperties")::put);
        bodyJson(message.body()).ifPresentOrElse(body -> json.set("body", body),
                () -> json.put("bodyBase64", Base64.getEncoder().encodeToString(message.body())));
        try {
            byte[] text = MAPPER.writeValueAsBytes(json);
            byte[] line = new byte[text.length + 1];
            System.arraycopy(text, 0, line, 0, text.length);
            line[text.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The first route (as the route engine orders them) that sends this message to this upstream queue. */
    private Optional<String> route(HubMessage message, QueueName queue) {
        try {
            return routing.route(message).stream().filter(t -> t.queue().equals(queue)).map(t -> t.routeName())
                    .findFirst();
        } catch (RuntimeException e) {
            LOG.debug("Cannot evaluate the routes of an upstream message", e);
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> bodyJson(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", file(), e);
            }
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeChannel();
    }
}
