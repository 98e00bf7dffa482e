package io.edgestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edge send}: delivers a JSON message to a module's input, as a route would. */
@Command(name = "send", description = "Send a JSON message to a module's input on a running edge.")
final class SendCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<module>", description = "The receiving module.")
    private String module;

    @Parameters(index = "1", paramLabel = "<input>", description = "Its input.")
    private String input;

    @Parameters(index = "2", paramLabel = "<json|@file>", converter = JsonArgument.class,
            description = "The message body: JSON text, @file for a file's JSON, @- for standard input.")
    private JsonNode data;

    @Option(names = { "-p", "--property" }, paramLabel = "<key=value>",
            description = "An application property of the message; repeatable.")
    private Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--message-id", paramLabel = "<id>", description = "The message id.")
    private String messageId;

    @Option(names = "--correlation-id", paramLabel = "<id>", description = "The correlation id.")
    private String correlationId;

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        ObjectNode request = EdgeClient.JSON.createObjectNode().put("module", module).put("inputName", input);
        request.set("data", data);
        if (messageId != null) {
            request.put("messageId", messageId);
        }
        if (correlationId != null) {
            request.put("correlationId", correlationId);
        }
        properties.forEach(request.putObject("properties")::put);
        JsonNode answer = client.send("POST", "/api/v1/messages", request, EdgeClient.REQUEST_TIMEOUT);
        out.println("sent to " + answer.path("module").asText(module) + "/" + answer.path("inputName").asText(input));
        return OK;
    }
}
