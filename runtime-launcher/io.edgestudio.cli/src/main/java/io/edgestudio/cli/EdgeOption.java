package io.edgestudio.cli;

import picocli.CommandLine.Option;

/** The option every client subcommand shares: which running edge to talk to. */
final class EdgeOption {

    /** The environment variable that names the edge when {@code --edge} is absent. */
    static final String ENVIRONMENT = "EDGE_ADDRESS";

    @Option(names = "--edge", paramLabel = "<host:port>", converter = EdgeAddress.Converter.class,
            defaultValue = "${env:" + ENVIRONMENT + ":-" + EdgeAddress.DEFAULT + "}",
            description = "The running edge's management API (default: $" + ENVIRONMENT + " or "
                    + EdgeAddress.DEFAULT + ").")
    private EdgeAddress address;

    /** @return the edge to talk to */
    EdgeAddress address() {
        return address;
    }
}
