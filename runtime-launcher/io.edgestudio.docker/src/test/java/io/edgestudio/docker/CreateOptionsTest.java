package io.edgestudio.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading createOptions into a create command, and the errors for options Docker would refuse. */
class CreateOptionsTest {

    private static CreateContainerCmdImpl apply(String json) throws CreateOptionsException {
        CreateContainerCmdImpl cmd = CreateOptions.scratchCommand();
        CreateOptions.parse(json).applyTo(cmd);
        return cmd;
    }

    @Test
    void containerConfigFieldsAreSet() throws Exception {
        var cmd = apply("""
                {"Env": ["A=1", "B=two words"], "Cmd": ["run", "--fast"], "Entrypoint": ["/bin/app"],
                 "WorkingDir": "/work", "User": "1000:1000", "Labels": {"team": "edge"},
                 "ExposedPorts": {"8080/tcp": {}, "53/udp": {}}, "Hostname": "sensor", "StopSignal": "SIGINT",
                 "StopTimeout": 7, "Tty": true}""");

        assertThat(cmd.getEnv()).containsExactly("A=1", "B=two words");
        assertThat(cmd.getCmd()).containsExactly("run", "--fast");
        assertThat(cmd.getEntrypoint()).containsExactly("/bin/app");
        assertThat(cmd.getWorkingDir()).isEqualTo("/work");
        assertThat(cmd.getUser()).isEqualTo("1000:1000");
        assertThat(cmd.getLabels()).containsExactly(Map.entry("team", "edge"));
        assertThat(cmd.getExposedPorts()).containsExactlyInAnyOrder(ExposedPort.tcp(8080), ExposedPort.udp(53));
        assertThat(cmd.getHostName()).isEqualTo("sensor");
        assertThat(cmd.getStopSignal()).isEqualTo("SIGINT");
        assertThat(cmd.getStopTimeout()).isEqualTo(7);
        assertThat(cmd.isTty()).isTrue();
    }

    @Test
    void hostConfigFieldsAreSet() throws Exception {
        var cmd = apply("""
                {"HostConfig": {
                  "Binds": ["/data:/data:ro", "/var/run/x.sock:/x.sock"],
                  "Mounts": [{"Type": "volume", "Source": "edgedata", "Target": "/store"}],
                  "PortBindings": {"8883/tcp": [{"HostPort": "8883"}], "443/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8443"}]},
                  "Devices": [{"PathOnHost": "/dev/ttyUSB0", "PathInContainer": "/dev/ttyUSB0", "CgroupPermissions": "rwm"}],
                  "Privileged": true, "CapAdd": ["NET_ADMIN"], "CapDrop": ["MKNOD"], "NetworkMode": "none",
                  "Memory": 268435456, "MemorySwap": -1, "NanoCpus": 500000000, "ShmSize": 67108864,
                  "ExtraHosts": ["hub:127.0.0.1"], "Sysctls": {"net.ipv4.ip_forward": "1"},
                  "LogConfig": {"Type": "json-file", "Config": {"max-size": "4m"}}}}""");
        HostConfig host = cmd.getHostConfig();

        assertThat(host.getBinds()).containsExactly(new Bind("/data", new com.github.dockerjava.api.model.Volume("/data"),
                AccessMode.ro), Bind.parse("/var/run/x.sock:/x.sock"));
        assertThat(host.getMounts()).containsExactly(new Mount().withType(MountType.VOLUME).withSource("edgedata")
                .withTarget("/store"));
        Map<ExposedPort, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(8883))).containsExactly(Ports.Binding.bindPort(8883));
        assertThat(bindings.get(ExposedPort.tcp(443))).containsExactly(Ports.Binding.bindIpAndPort("127.0.0.1", 8443));
        assertThat(host.getDevices()).containsExactly(new Device("rwm", "/dev/ttyUSB0", "/dev/ttyUSB0"));
        assertThat(host.getPrivileged()).isTrue();
        assertThat(host.getCapAdd()).extracting(Enum::name).containsExactly("NET_ADMIN");
        assertThat(host.getCapDrop()).extracting(Enum::name).containsExactly("MKNOD");
        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(host.getMemory()).isEqualTo(268435456L);
        assertThat(host.getMemorySwap()).isEqualTo(-1L);
        assertThat(host.getNanoCPUs()).isEqualTo(500000000L);
        assertThat(host.getShmSize()).isEqualTo(67108864L);
        assertThat(host.getExtraHosts()).containsExactly("hub:127.0.0.1");
        assertThat(host.getSysctls()).containsExactly(Map.entry("net.ipv4.ip_forward", "1"));
        assertThat(host.getLogConfig().getConfig()).containsExactly(Map.entry("max-size", "4m"));
    }

    @Test
    void fieldsDockerJavaDoesNotModelArePassedThrough() throws Exception {
        var cmd = apply("""
                {"HostConfig": {"MaskedPaths": ["/proc/kcore"], "readonlypaths": ["/proc/sys"], "KernelMemoryTCP": 1024}}""");

        assertThat(cmd.getHostConfig().getRawValues()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "MaskedPaths", List.of("/proc/kcore"), "ReadonlyPaths", List.of("/proc/sys"), "KernelMemoryTCP", 1024));
        JsonNode sent = new ObjectMapper().valueToTree(cmd.getHostConfig());
        assertThat(sent.path("MaskedPaths").get(0).asText()).isEqualTo("/proc/kcore");
    }

    @Test
    void namesAreCaseInsensitiveAndCmdMayBeOneString() throws Exception {
        var cmd = apply("""
                {"cmd": "/app/run.sh", "hostconfig": {"privileged": true, "binds": ["/a:/b"]}, "ENV": ["X=1"]}""");

        assertThat(cmd.getCmd()).containsExactly("/app/run.sh");
        assertThat(cmd.getHostConfig().getPrivileged()).isTrue();
        assertThat(cmd.getHostConfig().getBinds()).containsExactly(Bind.parse("/a:/b"));
        assertThat(cmd.getEnv()).containsExactly("X=1");
    }

    @Test
    void emptyOptionsChangeNothing() throws Exception {
        for (String none : new String[] {null, "", "  ", "{}"}) {
            var cmd = apply(none);
            assertThat(cmd.getCmd()).isNull();
            assertThat(cmd.getEnv()).isNull();
        }
    }

    @Test
    void everyCreateOptionsOfTheSharedManifestsIsAccepted() throws Exception {
        List<String> seen = new ArrayList<>();
        Path manifests = Path.of(System.getProperty("edge.shared.dir", "../../../shared"), "manifests");
        try (Stream<Path> files = Files.list(manifests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collectCreateOptions(new ObjectMapper().readTree(file.toFile()), file.getFileName().toString(), seen);
            }
        }
        assertThat(seen).hasSizeGreaterThan(10);
    }

    private static void collectCreateOptions(JsonNode node, String where, List<String> seen) throws IOException {
        if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getKey().equals("createOptions")) {
                    JsonNode value = field.getValue();
                    String text = value.isTextual() ? value.asText() : value.toString();
                    if (!text.contains("${") && !text.contains("<")) {
                        try {
                            CreateOptions.parse(text);
                        } catch (CreateOptionsException e) {
                            throw new AssertionError(where + ": " + e.getMessage(), e);
                        }
                        seen.add(where);
                    }
                } else {
                    collectCreateOptions(field.getValue(), where, seen);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectCreateOptions(element, where, seen);
            }
        }
    }

    @Test
    void unknownFieldIsNamedWithItsPathAndASuggestion() {
        assertThatThrownBy(() -> CreateOptions.parse("{\"Cmdd\": [\"x\"]}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.Cmdd");
                    assertThat(e.getMessage()).isEqualTo("createOptions $.Cmdd: unknown field \"Cmdd\" (did you mean \"Cmd\"?)");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"PortBinding\": {}}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.PortBinding");
                    assertThat(e.problem()).isEqualTo("unknown field \"PortBinding\" (did you mean \"PortBindings\"?) in $.HostConfig");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Mounts\": [{\"Type\": \"bind\", \"Src\": \"/a\"}]}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Mounts[0].Src"));
    }

    @Test
    void wrongTypesAreNamedWithPathExpectationAndValue() {
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Memory\": \"1g\"}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Memory");
                    assertThat(e.problem()).isEqualTo("expected an integer, found \"1g\"");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Privileged\": \"yes\"}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Privileged");
                    assertThat(e.problem()).isEqualTo("expected true or false, found \"yes\"");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"Env\": [\"A=1\", {\"B\": 2}]}"))
                .isInstanceOfSatisfying(CreateOptionsException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$.Env[1]"));
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"MaskedPaths\": \"/proc\"}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.MaskedPaths");
                    assertThat(e.problem()).isEqualTo("expected an array of strings, found \"/proc\"");
                });
    }

    @Test
    void invalidValuesAreNamedWithPath() {
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Binds\": [\"/a:/b\", \"/only-one-part\"]}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Binds[1]");
                    assertThat(e.problem()).isEqualTo(
                            "expected a bind such as \"/host/path:/container/path[:ro]\", found \"/only-one-part\"");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"ExposedPorts\": {\"80/xyz\": {}}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$.ExposedPorts['80/xyz']"));
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"PortBindings\": {\"80/tcp\": [{\"HostPort\": 80}]}}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.PortBindings['80/tcp'][0].HostPort");
                    assertThat(e.problem()).isEqualTo("expected a string, found 80");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Mounts\": [{\"Type\": \"disk\"}]}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$.HostConfig.Mounts[0].Type");
                    assertThat(e.problem()).isEqualTo("expected one of [bind, volume, tmpfs, npipe, image], found \"disk\"");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"HostConfig\": {\"Memory\": 1.5}}"))
                .isInstanceOfSatisfying(CreateOptionsException.class,
                        e -> assertThat(e.problem()).isEqualTo("expected an integer, found 1.5"));
    }

    @Test
    void notAnObjectOrNotJsonIsAnErrorAtTheRoot() {
        assertThatThrownBy(() -> CreateOptions.parse("[1]"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.problem()).isEqualTo("must be a JSON object, not [1]");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"Cmd\": [\"a\"],\n \"Env\": }"))
                .isInstanceOfSatisfying(CreateOptionsException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo("$");
                    assertThat(e.problem()).startsWith("not valid JSON at line 2, column 9");
                });
        assertThatThrownBy(() -> CreateOptions.parse("{\"Cmd\": [\"a\"], \"Cmd\": [\"b\"]}"))
                .isInstanceOfSatisfying(CreateOptionsException.class,
                        e -> assertThat(e.problem()).contains("Duplicate field 'Cmd'"));
    }
}
