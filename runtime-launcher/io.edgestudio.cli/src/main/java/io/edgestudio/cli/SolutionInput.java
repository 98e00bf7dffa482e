package io.edgestudio.cli;

import io.edgestudio.dsl.generator.cli.EdgeGenerate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What {@code edge run} was given: a {@code .edge} file or solution directory (generated first: manifests
 * into {@code config/}, Java module projects into {@code modules/}) or a deployment manifest (run as it is;
 * the solution directory is the one holding {@code config/}, or the manifest's own).
 *
 * @param manifest the deployment manifest to run
 * @param solutionDirectory where {@code modules/} and {@code edge-run.json} are
 */
record SolutionInput(Path manifest, Path solutionDirectory) {

    /** The solution has errors (they were printed) or cannot be generated. */
    static final class InvalidSolution extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSolution(String message) {
            super(message);
        }
    }

    static SolutionInput resolve(Path input, Console console) throws InvalidSolution, IOException {
        Path path = input.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InvalidSolution(input + ": no such file or directory");
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            Path parent = path.getParent();
            Path solution = parent.getFileName() != null && parent.getFileName().toString().equals("config")
                    ? parent.getParent() : parent;
            return new SolutionInput(path, solution);
        }
        Path solution = Files.isDirectory(path) ? path : path.getParent();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int exit = new EdgeGenerate().run(List.of(path.toString(), "--skeletons"), quiet, System.err);
        if (exit != 0) {
            throw new InvalidSolution(input + ": not generated (errors above)");
        }
        console.note("generated " + solution.relativize(solution.resolve("config")) + "/ and modules/ of " + input);
        return new SolutionInput(releaseManifest(solution.resolve("config")), solution);
    }

    /** The release manifest: {@code deployment.amd64.json} if there, else the first non-debug one. */
    private static Path releaseManifest(Path config) throws IOException, InvalidSolution {
        List<Path> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(config)) {
            files.filter(f -> f.getFileName().toString().matches("deployment\\.[^.]+\\.json")).sorted()
                    .forEach(manifests::add);
        }
        return manifests.stream().filter(m -> m.getFileName().toString().equals("deployment.amd64.json")).findFirst()
                .or(() -> manifests.stream().findFirst())
                .orElseThrow(() -> new InvalidSolution(config + ": no deployment manifest was generated"));
    }
}
