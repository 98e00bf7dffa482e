package io.edgestudio.agent;

import static io.edgestudio.agent.AgentFixture.manifest;
import static io.edgestudio.agent.AgentFixture.module;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.hub.management.ModuleRuntimeStatus;
import io.edgestudio.hub.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with the process backend on real processes (shell commands from edge-run.json). */
class ModuleSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private AgentFixture edge;

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    private static String sh(String script) {
        return "{\"command\": [\"sh\", \"-c\", \"" + script.replace("\"", "\\\"") + "\"]}";
    }

    @Test
    void modulesStartInStartupOrderWithTheEdgeAgentEnvironment() throws Exception {
        edge = new AgentFixture(dir);
        String script = "echo $IOTEDGE_MODULEID >> ../order; echo $GREETING $IOTEDGE_MODULEID $IOTEDGE_DEVICEID "
                + "$IOTEDGE_AUTHSCHEME; echo $EdgeHubConnectionString; exec sleep 60";
        edge.runFile("{\"modules\": {\"second\": " + sh(script) + ", \"first\": " + sh(script) + "}}");

        edge.start(manifest("\"second\": " + module("img", "always", "running", 2) + ", \"first\": "
                + module("img", "always", "running", 1), ""), edge.options(), "127.0.0.1");

        Await.until("both started", WAIT, () -> edge.agent.running().size() == 2
                && edge.output().contains("second: hello second") && edge.output().contains("first: hello first"));
        assertThat(Files.readAllLines(dir.resolve("order"))).containsExactly("first", "second");
        assertThat(edge.output()).contains("first: hello first edgestudio-device sasToken")
                .contains("first: HostName=edgestudio.local;GatewayHostName=127.0.0.1;DeviceId=edgestudio-device;"
                        + "ModuleId=first;SharedAccessKey=");
        assertThat(Files.readString(edge.state.resolve("modules/first.env"))).contains("GREETING=hello\n")
                .contains("IOTEDGE_MODULEID=first\n").contains("EdgeModuleCACertificateFile=")
                .doesNotContain("IOTEDGE_WORKLOADURI");
    }

    @Test
    void restartPoliciesDecideWhatHappensWhenAModuleExits() throws Exception {
        edge = new AgentFixture(dir);
        edge.runFile("""
                {"modules": {
                  "failsOnFailure": %s, "failsNever": %s, "endsAlways": %s, "endsOnFailure": %s, "disabled": %s}}
                """.formatted(sh("exit 3"), sh("exit 3"), sh("exit 0"), sh("exit 0"), sh("echo ran")));

        edge.start(manifest(String.join(",", "\"failsOnFailure\": " + module("i", "on-failure", "running", 1),
                "\"failsNever\": " + module("i", "never", "running", 1),
                "\"endsAlways\": " + module("i", "always", "running", 1),
                "\"endsOnFailure\": " + module("i", "on-failure", "running", 1),
                "\"disabled\": " + module("i", "always", "stopped", 1)), ""), edge.options(), "127.0.0.1");

        Await.until("restarts", WAIT, () -> restarts("failsOnFailure") >= 2 && restarts("endsAlways") >= 2);
        Await.until("the others settled", WAIT, () -> edge.status("failsNever").equals("failed")
                && edge.status("endsOnFailure").equals("stopped"));
        assertThat(edge.statuses.get("failsOnFailure")).contains("running", "backoff");
        ModuleRuntimeStatus failed = edge.agent.supervisor().status("failsNever").orElseThrow();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.restartCount()).isZero();
        assertThat(edge.agent.supervisor().status("endsOnFailure").orElseThrow().exitCode()).isZero();
        assertThat(edge.status("disabled")).isEqualTo("stopped");
        assertThat(edge.output()).doesNotContain("disabled: ran");
    }

    private int restarts(String module) {
        return edge.agent.supervisor().status(module).orElseThrow().restartCount();
    }

    @Test
    void theManagementApiShowsStatusAndStopsStartsAndRestartsModules() throws Exception {
        edge = new AgentFixture(dir);
        edge.runFile("{\"modules\": {\"worker\": " + sh("echo up; trap 'echo bye; exit 0' TERM; "
                + "while true; do sleep 0.1; done") + "}}");
        edge.start(manifest("\"worker\": " + module("i", "always", "running", 1), ""), edge.options(), "127.0.0.1");
        Await.until("worker up", WAIT, () -> edge.output().contains("worker: up"));

        String modules = edge.http("GET", "/api/v1/modules", null).body();
        String pid = edge.agent.supervisor().status("worker").orElseThrow().processId();
        assertThat(modules).contains("\"runtimeStatus\":\"running\"").contains("\"processId\":\"" + pid + "\"")
                .contains("\"lastStartTimeUtc\":");

        assertThat(edge.http("POST", "/api/v1/modules/worker/stop", null).statusCode()).isEqualTo(200);
        Await.until("stopped", WAIT, () -> edge.status("worker").equals("stopped"));
        assertThat(edge.output()).contains("worker: bye");
        assertThat(ProcessHandle.of(Long.parseLong(pid))).isEmpty();
        assertThat(edge.http("GET", "/api/v1/modules", null).body()).contains("\"runtimeStatus\":\"stopped\"")
                .contains("\"exitCode\":0");

        edge.http("POST", "/api/v1/modules/worker/start", null);
        Await.until("running again", WAIT, () -> edge.status("worker").equals("running"));
        String second = edge.agent.supervisor().status("worker").orElseThrow().processId();

        edge.http("POST", "/api/v1/modules/worker/restart", null);
        Await.until("restarted", WAIT, () -> edge.status("worker").equals("running")
                && !second.equals(edge.agent.supervisor().status("worker").orElseThrow().processId()));

        assertThat(edge.http("POST", "/api/v1/modules/nobody/stop", null).statusCode()).isEqualTo(404);
        assertThat(edge.http("GET", "/api/v1/modules/worker/stop", null).statusCode()).isEqualTo(405);
    }

    @Test
    void aModuleIgnoringSigtermIsKilledAfterTheStopTimeout() throws Exception {
        edge = new AgentFixture(dir);
        edge.runFile("{\"modules\": {\"stubborn\": " + sh("trap '' TERM; echo up; while true; do sleep 0.1; done")
                + "}}");
        AgentOptions options = edge.options();
        options = new AgentOptions(options.solutionDirectory(), Set.of(), options.debugPorts(), options.backoff(),
                Duration.ofMillis(500), null, options.runtimeClasspath());
        edge.start(manifest("\"stubborn\": " + module("i", "always", "running", 1), ""), options, "127.0.0.1");
        Await.until("up", WAIT, () -> edge.output().contains("stubborn: up"));

        long started = System.nanoTime();
        edge.agent.supervisor().stop("stubborn");
        Await.until("stopped", WAIT, () -> edge.status("stubborn").equals("stopped"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(edge.agent.supervisor().status("stubborn").orElseThrow().exitCode()).isEqualTo(137);
    }

    @Test
    void externalModulesAreNotStartedButGetTheirEnvironmentFile() throws Exception {
        edge = new AgentFixture(dir);
        edge.start(manifest("\"ide\": " + module("i", "always", "running", 1), ""),
                edge.options().withExternalModules(Set.of("ide")), "127.0.0.1");

        assertThat(edge.status("ide")).isEqualTo("external");
        assertThat(edge.agent.environmentFiles().get("ide")).isEqualTo(edge.state.resolve("modules/ide.env"));
        List<String> env = Files.readAllLines(edge.state.resolve("modules/ide.env"));
        assertThat(env).contains("IOTEDGE_MODULEID=ide", "GREETING=hello")
                .anyMatch(l -> l.startsWith("EdgeHubConnectionString=HostName="));
        assertThat(edge.http("POST", "/api/v1/modules/ide/restart", null).statusCode()).isEqualTo(409);
        assertThat(edge.http("GET", "/api/v1/modules", null).body()).contains("\"runtimeStatus\":\"external\"");
    }

    @Test
    void aModuleWithoutALocalCommandFailsWithWhatToAdd() throws Exception {
        edge = new AgentFixture(dir);
        edge.start(manifest("\"lonely\": " + module("registry.local/lonely:1", "always", "running", 1), ""),
                edge.options(), "127.0.0.1");

        ModuleRuntimeStatus status = edge.agent.supervisor().status("lonely").orElseThrow();
        assertThat(status.runtimeStatus()).isEqualTo("failed");
        assertThat(status.statusDescription()).contains("module lonely (image registry.local/lonely:1)")
                .contains("\"modules.lonely.command\"").contains(edge.solution.resolve("edge-run.json").toString());
    }
}
