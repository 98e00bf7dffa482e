package io.edgestudio.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgestudio.dsl.cli.EdgeValidate;
import io.edgestudio.dsl.testing.LargeSolutions;

/**
 * Validation of the 50-module / 300-route {@link LargeSolutions#chain()}: `edge validate` from a cold JVM, and warm in-process.
 * Prints the numbers; run on demand:
 * {@code ./mvnw verify -pl runtime-launcher/io.edgestudio.cli -am -Dtest=ValidateBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * <p>
 * With {@code -Dedge.launcher=$PWD/edge} the cold runs go through the {@code ./edge} script users run (its JVM
 * options and class-data archive); one run before the measured ones lets the script build and write its archive.
 * Without it they start a JVM on the test class path.
 */
class ValidateBenchmark {

    private static final int MODULES = 50;
    private static final int ROUTES = 300;
    private static final int COLD_RUNS = 5;
    private static final int WARM_RUNS = 20;

    @Test
    void validateLargeSolution(@TempDir Path dir) throws Exception {
        Path solution = Files.writeString(dir.resolve("large.edge"), LargeSolutions.chain());
        long lines = Files.readAllLines(solution).size();

        String launcher = System.getProperty("edge.launcher", "");
        List<Long> cold = new ArrayList<>();
        if (!launcher.isBlank()) {
            System.out.printf("ValidateBenchmark: first run through %s (build, archive): %d ms%n", launcher,
                    coldCli(solution));
        }
        for (int i = 0; i < COLD_RUNS; i++) {
            cold.add(coldCli(solution));
        }
        EdgeValidate validate = new EdgeValidate();
        List<String> issues = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issues.clear();
            validate.validate(solution, issues);
        }
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            issues.clear();
            long start = System.nanoTime();
            validate.validate(solution, issues);
            warm.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("ValidateBenchmark: %d modules, %d routes, %d lines, %d issues%n",
                MODULES, ROUTES, lines, issues.size());
        System.out.printf("  edge validate, cold JVM%s: %s%n", launcher.isBlank() ? " (test class path)" : " (" + launcher + ")",
                summary(cold));
        System.out.printf("  validate, warm in-process: %s%n", summary(warm));
    }

    private static long coldCli(Path solution) throws Exception {
        String launcher = System.getProperty("edge.launcher", "");
        List<String> command = new ArrayList<>();
        if (!launcher.isBlank()) {
            command.addAll(List.of(launcher, "validate", solution.toString()));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (Runtime.version().feature() >= 24) {
                command.add("--sun-misc-unsafe-memory-access=allow");
            }
            command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    EdgeCli.class.getName(), "validate", solution.toString()));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("edge validate did not finish in 600 s");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("edge validate failed: " + output.toString(StandardCharsets.UTF_8));
        }
        return millis;
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("median %d ms, min %d ms, max %d ms (%d runs)", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
