package io.edgestudio.agent;

import static io.edgestudio.agent.AgentFixture.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.agent.container.BackendMode;
import io.edgestudio.hub.sdk.EnvironmentModule;
import io.edgestudio.hub.testing.Await;
import io.edgestudio.hub.workload.WorkloadApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent gives modules the workload API as the IoT Edge daemon does: an unmodified Azure IoT SDK 2.5.0 module
 * ({@code ModuleClient.createFromEnvironment}), started by the agent with only the {@code IOTEDGE_*} variables and
 * no connection string, signs its token through the workload API, connects and routes a message.
 */
class WorkloadEnvironmentTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AgentFixture edge;

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void sdkModuleWithOnlyTheIotedgeVariablesSignsThroughTheWorkloadApiAndRoutesAMessage() throws Exception {
        AgentFixture fixture = new AgentFixture(dir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EnvironmentModule.class.getName());
        fixture.runFile(JSON.writeValueAsString(Map.of("modules", Map.of("envmodule", Map.of("command", command)))));
        String module = """
                "envmodule": {"type": "docker", "status": "running", "restartPolicy": "never",
                              "settings": {"image": "envmodule:1"}}""";
        edge = fixture.start(manifest(module, "\"up\": \"FROM /messages/modules/envmodule/outputs/out INTO $upstream\""),
                fixture.options().withWorkloadOnly(true), AgentFixture.freeLoopbackWithSdkPort(), BackendMode.PROCESS);

        String environment = Files.readString(edge.agent.environmentFiles().get("envmodule"));
        assertThat(environment).doesNotContain("EdgeHubConnectionString").doesNotContain("EdgeModuleCACertificateFile")
                .contains("IOTEDGE_WORKLOADURI=" + edge.hub.workload().orElseThrow().uri() + "\n")
                .contains("IOTEDGE_MODULEGENERATIONID="
                        + edge.hub.workloadEnvironment("envmodule").get("IOTEDGE_MODULEGENERATIONID") + "\n")
                .contains("IOTEDGE_APIVERSION=" + WorkloadApi.API_VERSION + "\n")
                .contains("IOTEDGE_AUTHSCHEME=sasToken\n").contains("IOTEDGE_MODULEID=envmodule\n");

        Await.until("the module ran to its end", WAIT, () -> edge.status("envmodule").equals("stopped")
                || edge.status("envmodule").equals("failed"));
        assertThat(edge.agent.supervisor().status("envmodule").orElseThrow().exitCode()).as(edge.output()).isZero();
        assertThat(edge.output()).contains("envmodule: STEP connected", "envmodule: STEP sent",
                "envmodule: STEP closed");
        JsonNode upstream = JSON.readTree(edge.http("GET", "/api/v1/upstream?limit=100", null).body());
        assertThat(upstream).as(upstream.toString()).anySatisfy(message -> {
            assertThat(message.path("systemProperties").path("connectionModuleId").asText()).isEqualTo("envmodule");
            assertThat(message.path("body").asText()).isEqualTo("{\"from\":\"environment\"}");
        });
        assertThat(edge.hub.workload().orElseThrow().api().signatures()).as("tokens signed by the workload API")
                .isPositive();
    }
}
