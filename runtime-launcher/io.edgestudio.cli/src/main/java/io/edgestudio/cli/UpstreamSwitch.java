package io.edgestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;

/** The edge's offline switch, shared by {@code edge offline} and {@code edge online}. */
final class UpstreamSwitch {

    static final String PATH = "/api/v1/upstream/online";

    private UpstreamSwitch() {
    }

    /**
     * @param client the edge
     * @param out where to say what happened
     * @param online the new state
     * @return the exit code
     * @throws InterruptedException if interrupted while waiting for the edge
     */
    static int set(EdgeClient client, PrintWriter out, boolean online) throws InterruptedException {
        JsonNode answer = client.send("PUT", PATH, EdgeClient.JSON.createObjectNode().put("online", online),
                Duration.ofSeconds(10));
        long waiting = 0;
        for (JsonNode queue : client.get("/api/v1/queues")) {
            if (queue.path("endpoint").asText().equals("$upstream")) {
                waiting += queue.path("length").asLong();
            }
        }
        out.println("upstream " + (answer.path("online").asBoolean() ? "online" : "offline") + " at "
                + client.address() + "; " + waiting + " message" + (waiting == 1 ? "" : "s") + " waiting for $upstream");
        return ClientCommand.OK;
    }
}
