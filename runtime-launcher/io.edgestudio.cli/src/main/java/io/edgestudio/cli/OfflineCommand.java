package io.edgestudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code edge offline}: holds upstream delivery; messages for {@code $upstream} wait in the edge's store. */
@Command(name = "offline", description = {
        "Take the edge's upstream (cloud) connection offline: messages routed to $upstream wait in its store",
        "until `edge online`." })
final class OfflineCommand extends ClientCommand {

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        return UpstreamSwitch.set(client, out, false);
    }
}
