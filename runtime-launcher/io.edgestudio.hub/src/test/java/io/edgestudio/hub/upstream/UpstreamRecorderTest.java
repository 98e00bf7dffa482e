package io.edgestudio.hub.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.hub.core.QueueName;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.routing.RouteEngine;
import io.edgestudio.hub.store.StoredMessage;
import io.edgestudio.routes.RouteDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream record file: one JSON line per message, size rotation, appending across runs; real files. */
class UpstreamRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RouteEngine ROUTES = RouteEngine.of(List.of(
            new RouteDefinition("alerts", "FROM /messages/modules/sensor/outputs/alerts INTO $upstream", 1, 0),
            RouteDefinition.of("all", "FROM /messages/modules/* INTO $upstream")));
    private static final String DEFAULT_QUEUE = new QueueName(QueueName.UPSTREAM, QueueName.DEFAULT_PRIORITY).format();

    @TempDir
    Path dir;

    private long offset;

    @Test
    void aLineCarriesSourceRoutePropertiesAndTheBodyAsJson() throws Exception {
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir.resolve("upstream"), UpstreamRecording.DEFAULT, ROUTES)) {
            recorder.accept(stored(new QueueName(QueueName.UPSTREAM, 1).format(), "alerts",
                    "{\"temperature\": 31.5, \"tags\": [\"a\"]}", Map.of("severity", "high")));
        }

        List<String> lines = Files.readAllLines(dir.resolve("upstream/messages.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("enqueuedTime").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(line.path("device").asText()).isEqualTo("dev1");
        assertThat(line.path("module").asText()).isEqualTo("sensor");
        assertThat(line.path("output").asText()).isEqualTo("alerts");
        assertThat(line.path("route").asText()).isEqualTo("alerts");
        assertThat(line.path("priority").asInt()).isEqualTo(1);
        assertThat(line.path("properties")).isEqualTo(JSON.readTree("{\"severity\":\"high\"}"));
        assertThat(line.path("systemProperties").path("messageId").asText()).isEqualTo("m-1");
        assertThat(line.path("systemProperties").path("connectionModuleId").asText()).isEqualTo("sensor");
        assertThat(line.path("body")).isEqualTo(JSON.readTree("{\"temperature\":31.5,\"tags\":[\"a\"]}"));
        assertThat(line.has("bodyBase64")).isFalse();
    }

    @Test
    void aBodyThatIsNotJsonIsBase64AndTheDefaultPriorityIsLeftOut() throws Exception {
        byte[] binary = {0, 1, (byte) 0xff, '{'};
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir, UpstreamRecording.DEFAULT, ROUTES)) {
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", binary, Map.of()));
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "21.5 degrees".getBytes(StandardCharsets.UTF_8), Map.of()));
        }

        List<JsonNode> lines = lines(dir.resolve(UpstreamRecorder.FILE_NAME));
        assertThat(lines.get(0).path("bodyBase64").asText()).isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(lines.get(0).has("body")).isFalse();
        assertThat(lines.get(0).has("priority")).isFalse();
        assertThat(lines.get(0).path("route").asText()).as("the route with the default priority").isEqualTo("all");
        assertThat(new String(Base64.getDecoder().decode(lines.get(1).path("bodyBase64").asText()),
                StandardCharsets.UTF_8)).as("text that merely starts like JSON").isEqualTo("21.5 degrees");
    }

    @Test
    void filesRotateBySizeKeepingTheNewestMessagesInOrder() throws Exception {
        UpstreamRecording limits = new UpstreamRecording(2000, 3);
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir, limits, ROUTES)) {
            for (int i = 1; i <= 40; i++) {
                recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"n\":" + i + "}", Map.of()));
            }
            assertThat(recorder.file()).isEqualTo(dir.resolve("messages.jsonl"));
        }

        assertThat(dir.resolve("messages.jsonl.3")).as("only 3 files are kept").doesNotExist();
        List<Integer> numbers = new ArrayList<>();
        for (String name : List.of("messages.jsonl.2", "messages.jsonl.1", "messages.jsonl")) {
            Path file = dir.resolve(name);
            assertThat(Files.size(file)).as(name).isPositive().isLessThanOrEqualTo(limits.maxFileBytes());
            lines(file).forEach(line -> numbers.add(line.path("body").path("n").asInt()));
        }
        assertThat(numbers).as("the newest messages, oldest first, none lost between the kept files")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(41 - numbers.size(), 40).boxed().toList());
        assertThat(numbers.size()).isGreaterThan(10);
    }

    @Test
    void oneFileOnlyStartsAgainWhenFull() throws Exception {
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir, new UpstreamRecording(600, 1), ROUTES)) {
            for (int i = 1; i <= 10; i++) {
                recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"n\":" + i + "}", Map.of()));
            }
        }

        assertThat(dir.resolve("messages.jsonl.1")).doesNotExist();
        List<JsonNode> lines = lines(dir.resolve("messages.jsonl"));
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1).path("body").path("n").asInt()).isEqualTo(10);
        assertThat(Files.size(dir.resolve("messages.jsonl"))).isLessThanOrEqualTo(600);
    }

    @Test
    void aSecondRunAppendsAndAMessageLargerThanTheLimitIsKeptWhole() throws Exception {
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir, new UpstreamRecording(700, 2), ROUTES)) {
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"run\":1}", Map.of()));
        }
        String large = "{\"data\":\"" + "x".repeat(2000) + "\"}";
        try (UpstreamRecorder recorder = UpstreamRecorder.open(dir, new UpstreamRecording(700, 2), ROUTES)) {
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"run\":2}", Map.of()));
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", large, Map.of()));
        }

        assertThat(lines(dir.resolve("messages.jsonl.1"))).extracting(l -> l.path("body").path("run").asInt())
                .containsExactly(1, 2);
        assertThat(lines(dir.resolve("messages.jsonl"))).singleElement()
                .satisfies(l -> assertThat(l.path("body").path("data").asText()).hasSize(2000));
    }

    @Test
    void aWriteFailureIsSurvivedAndRecordingResumes() throws Exception {
        Path upstream = dir.resolve("upstream");
        try (UpstreamRecorder recorder = UpstreamRecorder.open(upstream, new UpstreamRecording(300, 2), ROUTES)) {
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"n\":1}", Map.of()));
            // the directory disappears: rotation cannot move files into it, nothing is thrown
            Files.walk(upstream).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.writeString(upstream, "a file where the directory was");
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"n\":2,\"pad\":\"" + "p".repeat(300) + "\"}", Map.of()));

            Files.delete(upstream);
            Files.createDirectories(upstream);
            recorder.accept(stored(DEFAULT_QUEUE, "telemetry", "{\"n\":3}", Map.of()));
        }

        assertThat(lines(upstream.resolve("messages.jsonl"))).extracting(l -> l.path("body").path("n").asInt())
                .containsExactly(3);
    }

    private StoredMessage stored(String queue, String output, String body, Map<String, String> properties) {
        return stored(queue, output, body.getBytes(StandardCharsets.UTF_8), properties);
    }

    private StoredMessage stored(String queue, String output, byte[] body, Map<String, String> properties) {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("messageId", "m-" + (offset + 1));
        system.put("outputName", output);
        system.put("connectionDeviceId", "dev1");
        system.put("connectionModuleId", "sensor");
        HubMessage message = new HubMessage(body, system, properties, Instant.parse("2026-01-02T03:04:05Z"));
        return new StoredMessage(queue, ++offset, message, Long.MAX_VALUE);
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
