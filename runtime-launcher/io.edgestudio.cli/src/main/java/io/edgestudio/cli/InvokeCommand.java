package io.edgestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code edge invoke}: calls a direct method on a connected module and prints its answer. A method answering
 * with a status outside 200-299 exits with {@value ClientCommand#REMOTE_ERROR}.
 */
@Command(name = "invoke", description = {
        "Invoke a direct method on a module of a running edge and print the method's status and payload.",
        "A status outside 200-299 (or a module that is not connected or does not answer) exits with 1." })
final class InvokeCommand extends ClientCommand {

    /** edgeHub's bounds for a method's response timeout, in seconds. */
    static final int MIN_TIMEOUT = 5;
    static final int MAX_TIMEOUT = 300;

    @Parameters(index = "0", paramLabel = "<module>", description = "The module.")
    private String module;

    @Parameters(index = "1", paramLabel = "<method>", description = "The method name.")
    private String method;

    @Parameters(index = "2", arity = "0..1", paramLabel = "<json|@file>", converter = JsonArgument.class,
            description = "The payload: JSON text, @file or @- (default: null).")
    private JsonNode payload;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "How long the module may take to answer, " + MIN_TIMEOUT + "-" + MAX_TIMEOUT
                    + " s (default: ${DEFAULT-VALUE}).")
    private int timeout;

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        if (timeout < MIN_TIMEOUT || timeout > MAX_TIMEOUT) {
            throw new ParameterException(spec().commandLine(),
                    "--timeout must be " + MIN_TIMEOUT + "-" + MAX_TIMEOUT + " seconds, not " + timeout);
        }
        ObjectNode request = EdgeClient.JSON.createObjectNode().put("responseTimeoutInSeconds", timeout);
        request.set("payload", payload == null ? EdgeClient.JSON.nullNode() : payload);
        String path = "/api/v1/modules/" + EdgeClient.segment(module) + "/methods/" + EdgeClient.segment(method);
        JsonNode answer = client.send("POST", path, request, Duration.ofSeconds(timeout + 10L));
        int status = answer.path("status").asInt();
        out.println("status " + status);
        out.println(TwinCommand.pretty(answer.path("payload")));
        if (status / 100 != 2) {
            err().println("edge: method " + method + " of " + module + " failed with status " + status);
            return REMOTE_ERROR;
        }
        return OK;
    }
}
