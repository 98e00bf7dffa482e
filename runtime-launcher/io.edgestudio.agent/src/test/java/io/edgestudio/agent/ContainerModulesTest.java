package io.edgestudio.agent;

import static io.edgestudio.agent.AgentFixture.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.agent.container.BackendMode;
import io.edgestudio.agent.container.ContainerBackend;
import io.edgestudio.agent.container.ModuleBackends;
import io.edgestudio.docker.ContainerInfo;
import io.edgestudio.hub.manifest.ManifestLoader;
import io.edgestudio.hub.management.ModuleRuntimeStatus;
import io.edgestudio.hub.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent running modules as containers on a real Docker engine (busybox image, see {@link TestDocker}): the
 * environment, createOptions, CA mount and host network reach the container; restart policies, stops and
 * crash leftovers are handled; each edge only ever touches its own containers.
 */
class ContainerModulesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "edgestudio-device";
    /** A shell that exits 0 on SIGTERM (PID 1 ignores signals it has no handler for). */
    private static final String SLEEP = "trap 'echo terminated; exit 0' TERM; sleep 600 & wait $!";

    @TempDir
    Path dir;

    private AgentFixture edge;

    @BeforeEach
    void engine() {
        TestDocker.require();
    }

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    /** A busybox module running {@code sh -c script}, with more createOptions members if given. */
    static String container(String script, String restartPolicy, String moreOptions) throws Exception {
        String cmd = JSON.writeValueAsString(List.of("sh", "-c", script));
        return """
                {"type": "docker", "status": "running", "restartPolicy": "%s",
                 "settings": {"image": "%s", "createOptions": {"Cmd": %s%s}},
                 "env": {"GREETING": {"value": "hello"}}}
                """.formatted(restartPolicy, TestDocker.IMAGE, cmd, moreOptions.isEmpty() ? "" : ", " + moreOptions);
    }

    @Test
    void moduleRunsAsContainerWithItsEnvironmentCreateOptionsCaAndWorkloadApiAndStopsWithoutLeftovers()
            throws Exception {
        String script = "echo greeting=$GREETING options=$FROM_OPTIONS module=$IOTEDGE_MODULEID ca=$EdgeModuleCACertificateFile;"
                + " head -n 1 $EdgeModuleCACertificateFile;"
                + " wget -q -O - \"${IOTEDGE_WORKLOADURI}trust-bundle?api-version=$IOTEDGE_APIVERSION\" | head -c 26; echo;"
                + " echo ready; " + SLEEP;
        AgentFixture fixture = new AgentFixture(dir);
        edge = fixture.start(manifest("\"writer\": " + container(script, "always",
                "\"Env\": [\"FROM_OPTIONS=options\", \"GREETING=overridden\"]"), ""), fixture.options(),
                "127.0.0.1", BackendMode.AUTO);
        String edgeId = ContainerBackend.edgeId(DEVICE, edge.state);

        Await.until("writer ready", WAIT, () -> edge.output().contains("writer: ready"));
        assertThat(edge.backends.choices().get("writer").backend()).isEqualTo(ModuleBackends.DOCKER);
        assertThat(edge.lines).contains(
                "writer: greeting=hello options=options module=writer ca=" + ContainerBackend.CA_CERTIFICATE_PATH,
                "writer: -----BEGIN CERTIFICATE-----",
                "writer: {\"certificate\":\"-----BEGIN");
        ModuleRuntimeStatus running = edge.agent.supervisor().status("writer").orElseThrow();
        assertThat(running.runtimeStatus()).isEqualTo("running");
        assertThat(running.statusDescription()).contains("docker backend");
        List<ContainerInfo> containers = TestDocker.containers(edgeId);
        assertThat(containers).singleElement().satisfies(c -> {
            assertThat(c.module()).isEqualTo("writer");
            assertThat(c.running()).isTrue();
            assertThat(c.id()).startsWith(running.processId());
        });

        // a stop is graceful and leaves no container
        edge.agent.supervisor().stop("writer");
        Await.until("writer stopped", WAIT, () -> edge.status("writer").equals("stopped"));
        assertThat(edge.agent.supervisor().status("writer").orElseThrow().exitCode()).isZero();
        assertThat(edge.lines).contains("writer: terminated");
        assertThat(TestDocker.containers(edgeId)).isEmpty();

        // started again, then the edge stops: nothing of it remains
        edge.agent.supervisor().start("writer");
        Await.until("writer running again", WAIT, () -> edge.status("writer").equals("running")
                && !TestDocker.containers(edgeId).isEmpty());
        edge.close();
        edge = null;
        assertThat(TestDocker.containers(edgeId)).isEmpty();
    }

    @Test
    void onFailureRestartsAnExitingContainerAStubbornOneIsKilledAndAMissingImageFailsNamingModuleAndImage() throws Exception {
        String ghost = """
                {"type": "docker", "status": "running", "restartPolicy": "always",
                 "settings": {"image": "edgestudio-test/absent:none"}}""";
        AgentFixture fixture = new AgentFixture(dir);
        AgentOptions defaults = fixture.options();
        AgentOptions quickStop = new AgentOptions(defaults.solutionDirectory(), defaults.externalModules(),
                defaults.debugPorts(), defaults.backoff(), Duration.ofSeconds(1), null, defaults.runtimeClasspath());
        edge = fixture.start(manifest("\"flaky\": " + container("echo run; exit 3", "on-failure", "")
                + ", \"ghost\": " + ghost
                + ", \"stubborn\": " + container("trap '' TERM; echo up; while true; do sleep 1; done", "always", ""),
                ""), quickStop, "127.0.0.1", BackendMode.AUTO);
        String edgeId = ContainerBackend.edgeId(DEVICE, edge.state);

        Await.until("flaky restarted twice", WAIT,
                () -> edge.agent.supervisor().status("flaky").orElseThrow().restartCount() >= 2);
        ModuleRuntimeStatus flaky = edge.agent.supervisor().status("flaky").orElseThrow();
        assertThat(flaky.exitCode()).isEqualTo(3);
        assertThat(edge.lines.stream().filter("flaky: run"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(edge.statuses.get("flaky")).contains("running", "backoff");
        // an exited run's container is replaced by the next run's: one at a time
        assertThat(TestDocker.containers(edgeId).stream().filter(c -> c.module().equals("flaky"))).hasSizeLessThanOrEqualTo(1);

        // a module that ignores SIGTERM is killed after the stop timeout, and its container removed
        Await.until("stubborn up", WAIT, () -> edge.lines.contains("stubborn: up"));
        edge.agent.supervisor().stop("stubborn");
        Await.until("stubborn stopped", WAIT, () -> edge.status("stubborn").equals("stopped"));
        assertThat(edge.agent.supervisor().status("stubborn").orElseThrow().exitCode()).isEqualTo(137);
        assertThat(TestDocker.containers(edgeId)).noneMatch(c -> c.module().equals("stubborn"));

        ModuleRuntimeStatus missing = edge.agent.supervisor().status("ghost").orElseThrow();
        assertThat(missing.runtimeStatus()).isEqualTo("failed");
        assertThat(missing.statusDescription()).contains("module ghost").contains("edgestudio-test/absent:none");

        edge.close();
        edge = null;
        assertThat(TestDocker.containers(edgeId)).isEmpty();
    }

    @Test
    void leftoversOfACrashedEdgeAreRemovedAtItsNextStartAndOtherEdgesKeepTheirs() throws Exception {
        String sleeper = "\"sleeper\": " + container(SLEEP, "always", "");
        AgentFixture crashed = new AgentFixture(dir.resolve("a"));
        AgentFixture other = new AgentFixture(dir.resolve("b"));
        String crashedId = ContainerBackend.edgeId(DEVICE, crashed.state);
        String otherId = ContainerBackend.edgeId(DEVICE, other.state);
        assertThat(crashedId).isNotEqualTo(otherId);
        var spec = new ManifestLoader().load(manifest(sleeper, "")).modules().get("sleeper");
        // Two edges' runtimes die with their containers running: nothing closes them.
        for (AgentFixture died : List.of(crashed, other)) {
            ModuleBackends backends = ModuleBackends.choose(BackendMode.AUTO, new ManifestLoader()
                    .load(manifest(sleeper, "")), died.state, DEVICE, died.options());
            backends.start(new ModuleLaunch(spec, Map.of(), "g1"), ModuleOutput.DISCARD);
        }
        Await.until("both containers run", WAIT, () -> TestDocker.containers(crashedId).size() == 1
                && TestDocker.containers(otherId).size() == 1);
        String otherContainer = TestDocker.containers(otherId).getFirst().id();

        // The first edge starts again; sleeper now has a local command, so no module needs Docker: the marker
        // the crashed run left still makes it clear its containers.
        crashed.runFile("{\"modules\": {\"sleeper\": {\"command\": [\"sh\", \"-c\", \"echo local; exec sleep 600\"]}}}");
        edge = crashed.start(manifest(sleeper, ""), crashed.options(), "127.0.0.1", BackendMode.AUTO);
        assertThat(edge.backends.choices().get("sleeper").backend()).isEqualTo(ModuleBackends.PROCESS);
        assertThat(TestDocker.containers(crashedId)).isEmpty();
        Await.until("sleeper runs as a process", WAIT, () -> edge.output().contains("sleeper: local"));

        // the other edge's container is untouched
        assertThat(TestDocker.containers(otherId)).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(otherContainer)).matches(ContainerInfo::running);
        TestDocker.require().containers(otherId).removeLeftovers();
    }
}
