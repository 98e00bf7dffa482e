package io.edgestudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code edge} command line on the real examples and on a broken solution. */
class EdgeCliTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("edge.examples"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void runRejectsAnUnknownBackendAsAUsageError(@TempDir Path dir) {
        int exit = EdgeCli.execute("run", dir.toString(), "--backend", "podman");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("backend must be auto, process or docker")
                .contains("podman");
    }

    @Test
    void validateAcceptsTheExamples() {
        int exit = EdgeCli.execute("validate", EXAMPLES.resolve("thermostat").toString(),
                EXAMPLES.resolve("factory-line").toString(), EXAMPLES.resolve("greenhouse").toString());

        assertThat(exit).as(out + "\n" + err).isZero();
    }

    @Test
    void validateReportsErrorsWithTheirPlaceAndExitsWithOne(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.edge"), """
                module Sensor {
                    image "registry.local/sensor:1.0"
                    output out: Reading
                }
                """);

        int exit = EdgeCli.execute("validate", broken.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .contains(broken + ":3:").contains("error").contains("Reading");
    }

    @Test
    void generateWritesTheDeploymentManifests(@TempDir Path dir) {
        int exit = EdgeCli.execute("generate", EXAMPLES.resolve("thermostat").toString(), "--out", dir.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(dir.resolve("deployment.amd64.json")).isRegularFile().content()
                .contains("\"$edgeHub\"").contains("INTO $upstream");
        assertThat(dir.resolve("deployment.debug.amd64.json")).isRegularFile();
    }

    @Test
    void importWritesAnEdgeFileThatValidatesAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Path manifest = Path.of(System.getProperty("edge.shared"), "manifests", "02_devops-sample-dotnet.deployment.template.json");

        int exit = EdgeCli.execute("import", manifest.toString(), "-o", dir.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        Path edge = dir.resolve("02_devops-sample-dotnet.deployment.edge");
        assertThat(edge).content().contains("solution DevopsSampleDotnet {").contains("image \"${MODULES.FilterModule}\"")
                .contains("password env ACR_PASSWORD");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(":/$schema-template: note:").doesNotContain("warning");
        assertThat(EdgeCli.execute("validate", edge.toString())).isZero();
        assertThat(EdgeCli.execute("import", manifest.toString(), "-o", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
    }

    @Test
    void importReportsMalformedManifestsWithTheJsonPointer(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("deployment.json"), "{\"modulesContent\": {\"$edgeAgent\": []}}");

        assertThat(EdgeCli.execute("import", manifest.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(manifest + ":/modulesContent/$edgeAgent: error:");
        assertThat(EdgeCli.execute("import", dir.resolve("missing.json").toString())).isEqualTo(2);
    }

    @Test
    void wrongUsageExitsWithTwoAndHelpExplainsTheCommands() {
        assertThat(EdgeCli.execute("validate")).isEqualTo(2);
        assertThat(EdgeCli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("validate").contains("generate").contains("import");
    }

    @Test
    void aSubcommandIsReadAloneAndItsHelpStillNamesEdge() {
        assertThat(EdgeCli.commandLine("run", "--help").getSubcommands()).containsOnlyKeys("run");
        assertThat(EdgeCli.commandLine("--help").getSubcommands()).containsKeys("run", "validate", "demo");
        assertThat(EdgeCli.commandLine("nosuch").getSubcommands()).containsKeys("run", "validate", "demo");

        assertThat(EdgeCli.execute("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: edge run").contains("--state-dir");
        assertThat(EdgeCli.execute("nosuch")).isEqualTo(2);
    }

    @Test
    void runExitsWithTwoWithoutASolutionAndWithOneForAMissingOne(@TempDir Path dir) {
        assertThat(EdgeCli.execute("run")).isEqualTo(2);
        assertThat(EdgeCli.execute("run", dir.resolve("nowhere").toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nowhere: no such file or directory");
    }

    @Test
    void runRejectsABadSideFileNamingTheJsonPath(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        EdgeCli.execute("generate", EXAMPLES.resolve("thermostat").toString(), "--out", config.toString());
        Files.writeString(dir.resolve("edge-run.json"), "{\"modules\": {\"Filter\": {\"command\": \"java\"}}}");

        int exit = EdgeCli.execute("run", config.resolve("deployment.amd64.json").toString(), "--state-dir",
                dir.resolve("state").toString(), "--mqtt-port", "0", "--management-port", "0");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(dir.resolve("edge-run.json").toString())
                .contains("$.modules.Filter.command: expected a non-empty array of strings");
    }
}
