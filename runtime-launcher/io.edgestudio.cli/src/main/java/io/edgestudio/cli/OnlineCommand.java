package io.edgestudio.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code edge online}: resumes upstream delivery; held messages drain in priority order. */
@Command(name = "online", description = "Bring the edge's upstream back online: held messages drain in priority order.")
final class OnlineCommand extends ClientCommand {

    @Override
    int run(EdgeClient client, PrintWriter out) throws InterruptedException {
        return UpstreamSwitch.set(client, out, true);
    }
}
