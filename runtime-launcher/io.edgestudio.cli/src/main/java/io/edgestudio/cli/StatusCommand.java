package io.edgestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edge status}: modules and their connections, the upstream switch, store queues and route counts. */
@Command(name = "status",
        description = "Show a running edge: modules and their connection state, upstream online/offline, queues, routes.")
final class StatusCommand extends ClientCommand {

    private static final Set<String> MODULE_COLUMNS = Set.of("moduleId", "connectionState", "inflight");

    @Mixin
    private ColorOption color;

    @Option(names = "--json", description = "Print everything as one JSON object.")
    private boolean json;

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        JsonNode modules = client.get("/api/v1/modules");
        boolean online = client.get(UpstreamSwitch.PATH).path("online").asBoolean();
        JsonNode queues = client.get("/api/v1/queues");
        JsonNode routes = client.get("/api/v1/routes");
        if (json) {
            ObjectNode all = EdgeClient.JSON.createObjectNode().put("edge", client.address().toString())
                    .put("online", online);
            all.set("modules", modules);
            all.set("queues", queues);
            all.set("routes", routes);
            out.println(TwinCommand.pretty(all));
            return OK;
        }
        Ansi ansi = color.ansi();
        out.println(ansi.string("edge " + client.address() + "   upstream "
                + (online ? "@|green online|@" : "@|yellow,bold offline|@")));
        out.println();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("MODULE", "CONNECTION", "IN FLIGHT", "DETAILS"));
        for (JsonNode module : modules) {
            List<String> details = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : module.properties()) {
                if (!MODULE_COLUMNS.contains(field.getKey())) {
                    details.add(field.getKey() + "=" + (field.getValue().isTextual() ? field.getValue().asText()
                            : field.getValue().toString()));
                }
            }
            rows.add(List.of(module.path("moduleId").asText(), module.path("connectionState").asText(),
                    module.path("inflight").asText(), String.join(" ", details)));
        }
        Table.print(out, ansi, rows, (column, text) -> column != 1 ? text
                : text.equals("Connected") ? "@|green " + text + "|@" : "@|red " + text + "|@");
        out.println();
        rows = new ArrayList<>();
        rows.add(List.of("QUEUE", "PRIORITY", "WAITING"));
        for (JsonNode queue : queues) {
            rows.add(List.of(queue.path("endpoint").asText(), queue.path("priority").asText(),
                    queue.path("length").asText()));
        }
        Table.print(out, ansi, rows, (column, text) -> text);
        out.println();
        rows = new ArrayList<>();
        rows.add(List.of("ROUTE", "ROUTED", "DEFINITION"));
        for (JsonNode route : routes) {
            rows.add(List.of(route.path("name").asText(), route.path("messagesRouted").asText(),
                    route.path("route").asText()));
        }
        Table.print(out, ansi, rows, (column, text) -> text);
        return OK;
    }
}
