package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module containers on a real Docker engine with a local busybox image (see {@link TestEngine}). */
class ModuleContainersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DockerEngine engine;

    private ModuleContainers edge;
    private final RecordedOutput output = new RecordedOutput();

    @BeforeEach
    void newEdge() {
        engine = TestEngine.require();
        edge = engine.containers("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void removeContainers() throws ContainerException {
        if (edge != null) {
            edge.removeLeftovers();
        }
    }

    private static ContainerSpec busybox(String module, String createOptions, Map<String, String> env) {
        return new ContainerSpec(module, TestEngine.IMAGE, env, createOptions, PullPolicy.NEVER);
    }

    @Test
    void envCmdAndBindsReachTheContainerAndOutputComesLineByLine(@TempDir Path shared) throws Exception {
        String options = """
                {"Env": ["FROM_OPTIONS=options", "SHARED=options"],
                 "Cmd": ["sh", "-c", "echo \\"$FROM_OPTIONS $SHARED $FROM_SPEC\\" > /out/greeting; echo to-stdout; echo to-stderr >&2; printf 'no newline'"],
                 "HostConfig": {"Binds": ["%s:/out"]}}""".formatted(shared);

        ModuleContainer container = edge.start(busybox("writer", options, Map.of("SHARED", "spec", "FROM_SPEC", "env")),
                output);

        assertThat(container.awaitExit(TIMEOUT)).isZero();
        assertThat(Files.readString(shared.resolve("greeting"))).isEqualTo("options spec env\n");
        assertThat(output.lines()).containsExactlyInAnyOrder("stdout: to-stdout", "stderr: to-stderr",
                "stdout: no newline");
    }

    @Test
    void entrypointWorkingDirAndUserApply() throws Exception {
        String options = """
                {"Entrypoint": ["sh", "-c"], "Cmd": "pwd; id -u", "WorkingDir": "/tmp", "User": "65534"}""";

        ModuleContainer container = edge.start(busybox("whoami", options, Map.of()), output);

        assertThat(container.awaitExit(TIMEOUT)).isZero();
        assertThat(output.lines()).containsExactly("stdout: /tmp", "stdout: 65534");
    }

    @Test
    void hostConfigIsPassedToTheEngineAndRuntimeOwnedFieldsAreOverridden(@TempDir Path data) throws Exception {
        String options = """
                {"Cmd": ["sh", "-c", "ls /dev/edge-null && echo mounted > /mnt/data/file && if touch /tmp/x; then echo tmp-writable; fi"],
                 "Labels": {"purpose": "test"}, "ExposedPorts": {"8080/tcp": {}},
                 "HostConfig": {"Mounts": [{"Type": "bind", "Source": "%s", "Target": "/mnt/data"}],
                   "Devices": [{"PathOnHost": "/dev/null", "PathInContainer": "/dev/edge-null", "CgroupPermissions": "rwm"}],
                   "PortBindings": {"8080/tcp": [{"HostPort": "18080"}]}, "Privileged": false,
                   "CapAdd": ["NET_ADMIN"], "Memory": 67108864, "RestartPolicy": {"Name": "always"},
                   "AutoRemove": true, "ReadonlyPaths": ["/tmp"]}}""".formatted(data);

        ModuleContainer container = edge.start(busybox("configured", options, Map.of()), output);

        assertThat(container.awaitExit(TIMEOUT)).as("output %s", output.lines()).isZero();
        assertThat(Files.readString(data.resolve("file"))).isEqualTo("mounted\n");
        assertThat(output.lines()).as("ReadonlyPaths, passed through").contains("stdout: /dev/edge-null")
                .anyMatch(line -> line.startsWith("stderr: touch: /tmp/x: Read-only file system"));
        InspectContainerResponse inspected = engine.client().inspectContainerCmd(container.id()).exec();
        var host = inspected.getHostConfig();
        assertThat(host.getNetworkMode()).isEqualTo("host");
        assertThat(host.getRestartPolicy().getName()).as("no restart policy").isIn("", "no");
        assertThat(host.getAutoRemove()).isFalse();
        assertThat(host.getCapAdd()).extracting(Enum::name).containsExactly("NET_ADMIN");
        assertThat(host.getDevices()).extracting(d -> d.getPathInContainer()).containsExactly("/dev/edge-null");
        assertThat(host.getPortBindings().getBindings()).containsKey(com.github.dockerjava.api.model.ExposedPort.tcp(8080));
        assertThat(host.getMemory()).isEqualTo(67108864L);
        assertThat(inspected.getConfig().getLabels()).containsEntry("purpose", "test")
                .containsEntry(ModuleContainers.EDGE_LABEL, edge.edgeId())
                .containsEntry(ModuleContainers.MODULE_LABEL, "configured");
        assertThat(inspected.getName()).isEqualTo("/" + edge.edgeId() + ".configured");
    }

    @Test
    void exitCodeIsReported() throws Exception {
        ModuleContainer container = edge.start(busybox("failing",
                "{\"Cmd\": [\"sh\", \"-c\", \"echo giving up >&2; exit 3\"]}", Map.of()), output);

        assertThat(container.exit().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(container.running()).isFalse();
        assertThat(output.lines()).containsExactly("stderr: giving up");
        assertThat(container.stop(Duration.ofSeconds(1))).as("stopping an exited container").isEqualTo(3);
    }

    @Test
    void hostNetworkReachesAServerOnTheLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) TIMEOUT.toMillis());
            String options = "{\"Cmd\": [\"sh\", \"-c\", \"echo hello-from-the-container | nc 127.0.0.1 %d\"]}"
                    .formatted(server.getLocalPort());

            ModuleContainer container = edge.start(busybox("client", options, Map.of()), output);

            try (Socket accepted = server.accept();
                    var reader = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
                            StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("hello-from-the-container");
            }
            assertThat(container.awaitExit(TIMEOUT)).as("output %s", output.lines()).isZero();
        }
    }

    @Test
    void stopEndsAModuleThatHandlesSigtermWithinTheGracePeriod() throws Exception {
        ModuleContainer container = edge.start(busybox("graceful", """
                {"Cmd": ["sh", "-c", "trap 'echo terminating; exit 0' TERM; echo ready; while true; do sleep 0.1; done"]}""",
                Map.of()), output);
        output.awaitLine("stdout: ready", TIMEOUT);

        long started = System.nanoTime();
        int exitCode = container.stop(Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(exitCode).isZero();
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(output.lines()).contains("stdout: terminating");
    }

    @Test
    void stopKillsAModuleThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        // PID 1 without a handler ignores SIGTERM.
        ModuleContainer container = edge.start(busybox("stubborn",
                "{\"Cmd\": [\"sh\", \"-c\", \"trap '' TERM; echo ready; while true; do sleep 0.1; done\"]}", Map.of()),
                output);
        output.awaitLine("stdout: ready", TIMEOUT);

        long started = System.nanoTime();
        int exitCode = container.stop(Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(exitCode).isEqualTo(137);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(15));
    }

    @Test
    void labelsFindTheEdgesContainersAndLeftoversOfACrashedRuntimeAreRemoved() throws Exception {
        String sleeper = "{\"Cmd\": [\"sleep\", \"300\"]}";
        edge.start(busybox("sensor", sleeper, Map.of()), output);
        edge.start(busybox("filter", sleeper, Map.of()), output);
        ModuleContainers otherEdge = engine.containers(edge.edgeId() + "-other");
        otherEdge.start(busybox("sensor", sleeper, Map.of()), output);
        try {
            // A new runtime after a crash: a fresh connection knows nothing but the edge id.
            try (DockerEngine restarted = DockerEngine.connect()) {
                ModuleContainers sameEdge = restarted.containers(edge.edgeId());
                assertThat(sameEdge.list()).extracting(ContainerInfo::module).containsExactlyInAnyOrder("sensor", "filter");
                assertThat(sameEdge.list()).allMatch(ContainerInfo::running);

                assertThat(sameEdge.removeLeftovers()).hasSize(2);

                assertThat(sameEdge.list()).isEmpty();
                assertThat(otherEdge.list()).extracting(ContainerInfo::module).containsExactly("sensor");
            }
        } finally {
            otherEdge.removeLeftovers();
        }
    }

    @Test
    void startingAModuleAgainReplacesItsOldContainer() throws Exception {
        ModuleContainer first = edge.start(busybox("again", "{\"Cmd\": [\"sleep\", \"300\"]}", Map.of()), output);

        ModuleContainer second = edge.start(busybox("again", "{\"Cmd\": [\"echo\", \"second\"]}", Map.of()), output);

        assertThat(second.awaitExit(TIMEOUT)).isZero();
        assertThat(first.exit()).as("the old container was killed").succeedsWithin(TIMEOUT).isEqualTo(137);
        assertThat(edge.list()).extracting(ContainerInfo::id).containsExactly(second.id());
    }

    @Test
    void invalidCreateOptionsAreRefusedWithTheirPathAndCreateNothing() throws Exception {
        assertThatThrownBy(() -> edge.start(busybox("broken", "{\"HostConfig\": {\"Privileged\": \"yes\"}}", Map.of()),
                output)).isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Privileged");
                    assertThat(e.getMessage()).isEqualTo(
                            "createOptions $.HostConfig.Privileged: expected true or false, found \"yes\" (module broken)");
                });
        assertThat(edge.list()).isEmpty();
    }

    @Test
    void aMissingImageIsAnErrorWithoutPullAndAFailedPullIsReported() {
        String missing = "edgestudio-test/absent:" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> edge.start(new ContainerSpec("absent", missing, Map.of(), "", PullPolicy.NEVER), output))
                .isInstanceOf(ContainerException.class)
                .hasMessage("module absent: image " + missing + " is not present and its imagePullPolicy is never");

        String unreachable = "127.0.0.1:1/edgestudio/absent:1";
        assertThatThrownBy(() -> edge.start(new ContainerSpec("absent", unreachable, Map.of(), ""), output))
                .isInstanceOf(ContainerException.class)
                .hasMessageStartingWith("module absent: cannot pull image " + unreachable + ": ")
                .hasMessageContaining("connection refused");
    }

    @Test
    void removeDeletesARunningContainer() throws Exception {
        ModuleContainer container = edge.start(busybox("removed", "{\"Cmd\": [\"sleep\", \"300\"]}", Map.of()), output);

        container.remove();

        assertThatThrownBy(() -> engine.client().inspectContainerCmd(container.id()).exec())
                .isInstanceOf(NotFoundException.class);
        assertThat(edge.list()).isEmpty();
    }
}
