package io.edgestudio.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.edgestudio.dsl.generator.cli.EdgeGenerate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edge generate}: writes the deployment manifests (release and debug) and twin DTDL interfaces of a solution. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate config/deployment.<platform>.json, config/deployment.debug.<platform>.json"
                + " and a DTDL v3 interface config/dtdl/<Twin>.json per twin schema.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file.edge|dir>", description = "The solution's files or directory.")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output directory (default: config/ beside the solution).")
    private Path out;

    @Option(names = "--platform", paramLabel = "<platform>",
            description = "amd64, arm32v7 or arm64v8; repeatable (default: the solution's platform).")
    private List<String> platforms = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        inputs.forEach(input -> args.add(input.toString()));
        if (out != null) {
            args.add("--out");
            args.add(out.toString());
        }
        for (String platform : platforms) {
            args.add("--platform");
            args.add(platform);
        }
        return new EdgeGenerate().run(args, System.out, System.err);
    }
}
