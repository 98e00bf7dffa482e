package io.edgestudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code edge twin}: shows a module twin; with {@code --set}, patches its desired properties first. */
@Command(name = "twin", description = {
        "Show a module twin's desired and reported properties with their versions.",
        "With --set, patch the desired properties first (the module gets the patch if it is connected)." })
final class TwinCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "<module>", description = "The module.")
    private String module;

    @Option(names = "--set", paramLabel = "<path=value>", converter = TwinSetting.Converter.class,
            description = { "Set a desired property; repeatable. The path is dotted (limits.max), the value JSON",
                    "(25, true, null deletes, '\"25\"' for a string) or else a string (eco)." })
    private List<TwinSetting> settings = new ArrayList<>();

    @Option(names = "--json", description = "Print the twin as one JSON object.")
    private boolean json;

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        String path = "/api/v1/modules/" + EdgeClient.segment(module) + "/twin";
        JsonNode twin;
        if (settings.isEmpty()) {
            twin = client.get(path);
        } else {
            ObjectNode patch;
            try {
                patch = TwinSetting.patch(settings);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec().commandLine(), e.getMessage());
            }
            twin = client.send("PATCH", path + "/desired", patch, EdgeClient.REQUEST_TIMEOUT);
        }
        if (json) {
            out.println(pretty(twin));
        } else {
            section(out, "desired", twin.path("desired"));
            section(out, "reported", twin.path("reported"));
        }
        return OK;
    }

    private static void section(PrintWriter out, String name, JsonNode properties) {
        ObjectNode copy = properties.isObject() ? ((ObjectNode) properties).deepCopy()
                : EdgeClient.JSON.createObjectNode();
        JsonNode version = copy.remove("$version");
        out.println(name + " ($version " + (version == null ? "?" : version.asText()) + "):");
        out.println(pretty(copy));
    }

    static String pretty(JsonNode json) {
        try {
            return EdgeClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
