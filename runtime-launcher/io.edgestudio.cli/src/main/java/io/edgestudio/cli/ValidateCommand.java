package io.edgestudio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.edgestudio.dsl.cli.EdgeValidate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code edge validate}: checks solutions and prints one {@code path:line:col: severity: message [code]} per issue. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate solutions: each file or directory is one solution (a directory means its .edge files).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file.edge|dir>", description = "Solution files or directories.")
    private List<Path> solutions;

    @Override
    public Integer call() {
        return new EdgeValidate().run(solutions, System.out, System.err);
    }
}
