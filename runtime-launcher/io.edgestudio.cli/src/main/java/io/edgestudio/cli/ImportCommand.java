package io.edgestudio.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.edgestudio.dsl.generator.cli.EdgeImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edge import}: writes the .edge solution equivalent to a deployment manifest or deployment.template.json. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a deployment manifest or deployment.template.json as a .edge solution; prints what it could not carry over.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<manifest.json>", description = "The manifest or template to import.")
    private Path manifest;

    @Option(names = { "-o", "--out" }, paramLabel = "<dir>", description = "Output directory (default: the manifest's directory).")
    private Path out;

    @Option(names = "--name", paramLabel = "<Solution>", description = "Solution name (default: from the file name).")
    private String name;

    @Option(names = "--force", description = "Overwrite an existing .edge file.")
    private boolean force;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of(manifest.toString()));
        if (out != null) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (name != null) {
            args.addAll(List.of("--name", name));
        }
        if (force) {
            args.add("--force");
        }
        return new EdgeImport().run(args, System.out, System.err);
    }
}
