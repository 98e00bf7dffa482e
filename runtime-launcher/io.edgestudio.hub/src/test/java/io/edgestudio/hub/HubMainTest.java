package io.edgestudio.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import io.edgestudio.hub.upstream.UpstreamRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of the runnable hub, in process: options and the exit codes of failures before serving. */
class HubMainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--manifest").contains("--state-dir").contains("--bind")
                .contains("--mqtt-port").contains("--plain-port").contains("--management-port")
                .contains("--methods-port").contains("--workload-port").contains("--device-id")
                .contains("--upstream-file-size").contains("--upstream-files")
                .contains("Binding 443 needs root").contains("${MODULES.x}");
    }

    @Test
    void anInvalidManifestExitsWithOneAndNamesTheJsonPath() throws Exception {
        Path manifest = Files.writeString(dir.resolve("bad.json"), "{\"modulesContent\": {\"$edgeAgent\": 1}}");

        assertThat(run("--manifest", manifest.toString(), "--state-dir", dir.resolve("state").toString()))
                .isEqualTo(HubMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Invalid manifest").contains("$.modulesContent");
    }

    @Test
    void aMissingManifestExitsWithOne() {
        assertThat(run("--manifest", dir.resolve("none.json").toString())).isEqualTo(HubMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("none.json");
    }

    @Test
    void optionsBecomeHubOptions() {
        HubMain main = new HubMain();
        new CommandLine(main).parseArgs("--manifest", "m.json", "--state-dir", dir.toString(), "--bind", "127.0.0.9",
                "--mqtt-port", "1883", "--plain-port", "1884", "--management-port", "0", "--in-memory");

        LocalEdgeHubOptions options = main.options();

        assertThat(options.tlsAddress().getHostString()).isEqualTo("127.0.0.9");
        assertThat(options.tlsAddress().getPort()).isEqualTo(1883);
        assertThat(options.plainAddress().getPort()).isEqualTo(1884);
        assertThat(options.managementAddress().getPort()).isZero();
        assertThat(options.persistent()).isFalse();
        assertThat(options.stateDirectory()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void methodsWorkloadDeviceAndUpstreamRecordOptions() {
        HubMain main = new HubMain();
        new CommandLine(main).parseArgs("--manifest", "m.json", "--state-dir", dir.toString(), "--bind", "127.0.0.9",
                "--methods-port", "8443", "--workload-port", "0", "--device-id", "line-7",
                "--upstream-file-size", "2", "--upstream-files", "3");

        LocalEdgeHubOptions options = main.options();

        assertThat(options.methodsAddress()).isEqualTo(new InetSocketAddress("127.0.0.9", 8443));
        assertThat(options.workloadAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 0));
        assertThat(options.deviceId()).isEqualTo("line-7");
        assertThat(options.upstreamRecording()).isEqualTo(new UpstreamRecording(2L * 1024 * 1024, 3));
    }

    @Test
    void defaultsServeMethodsOn443RecordUpstreamAndNoWorkloadApi() {
        HubMain main = new HubMain();
        new CommandLine(main).parseArgs("--manifest", "m.json", "--state-dir", dir.toString());

        LocalEdgeHubOptions options = main.options();

        assertThat(options.methodsAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 443));
        assertThat(options.workloadAddress()).isNull();
        assertThat(options.deviceId()).isEqualTo("edgestudio-device");
        assertThat(options.upstreamRecording()).isEqualTo(UpstreamRecording.DEFAULT);
        new CommandLine(main).parseArgs("--manifest", "m.json", "--upstream-files", "0");
        assertThat(main.options().upstreamRecording()).as("0 files: memory only").isNull();
    }

    @Test
    void aNegativeUpstreamFileCountExitsWithOne() throws Exception {
        Path manifest = Files.writeString(dir.resolve("m.json"), LocalEdgeHubTest.MANIFEST);

        assertThat(run("--manifest", manifest.toString(), "--state-dir", dir.resolve("state").toString(),
                "--upstream-files", "-1")).isEqualTo(HubMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Invalid option").contains("at least one file");
    }

    private int run(String... args) {
        return new CommandLine(new HubMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
