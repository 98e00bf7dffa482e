package io.edgestudio.hub.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgestudio.routes.RouteDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestLoaderTest {

    static final Path MANIFESTS = Path.of(System.getProperty("edge.shared.dir", "../../../shared"), "manifests");

    private final ManifestLoader loader = new ManifestLoader();

    static Stream<Path> sharedManifests() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(6);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sharedManifests")
    void everySharedManifestLoadsOrNamesTheJsonPath(Path file) throws IOException {
        try {
            DeploymentManifest manifest = loader.load(file, expander(Map.of()));
            assertThat(manifest.systemModules()).containsKeys("edgeAgent", "edgeHub");
            assertThat(manifest.timeToLiveSecs()).isEqualTo(7200);
        } catch (ManifestException e) {
            assertThat(e.jsonPath()).startsWith("$");
            assertThat(e.getMessage()).startsWith(e.jsonPath() + ": ");
        }
    }

    @Test
    void templateExpandsModuleImagesAndVariables() throws Exception {
        TemplateExpander expander = expander(Map.of("ACR_USER", "me"));
        DeploymentManifest manifest = loader.load(
                MANIFESTS.resolve("02_devops-sample-dotnet.deployment.template.json"), expander);

        assertThat(manifest.modules()).containsOnlyKeys("tempSensor", "FilterModule");
        assertThat(manifest.modules().get("FilterModule").image()).isEqualTo("localhost:5000/filtermodule:0.0.1");
        assertThat(manifest.modules().get("tempSensor").createOptions()).isEqualTo("{}");
        assertThat(manifest.systemModules().get("edgeHub").createOptions()).contains("\"8883/tcp\"");
        assertThat(manifest.routes().keySet()).containsExactly("sensorToFilterModule", "FilterModuleToIoTHub");
        assertThat(manifest.routes().get("FilterModuleToIoTHub").route()).endsWith("INTO $upstream");
        assertThat(manifest.routes().get("FilterModuleToIoTHub").priority()).isEqualTo(RouteDefinition.DEFAULT_PRIORITY);
        assertThat(expander.unresolved()).contains("${ACR_PASSWORD}", "$upstream").doesNotContain("${ACR_USER}");
    }

    @Test
    void perModuleDesiredPropertiesIncludingEmptyOnes() throws Exception {
        DeploymentManifest manifest = loader.load(
                MANIFESTS.resolve("05_event-grid-sample.deployment.template.json"), expander(Map.of()));

        assertThat(manifest.desiredProperties("eventgridmodule")).get()
                .satisfies(d -> assertThat(d.at("/topics/quickstarttopic/inputSchema").asText())
                        .isEqualTo("customEventSchema"));
        assertThat(manifest.desiredProperties("egcustompublisher")).get().satisfies(d -> assertThat(d).isEmpty());
        assertThat(manifest.desiredProperties("nosuchmodule")).isEmpty();
    }

    @Test
    void finalManifestWithStartupOrderAndConditionRoute() throws Exception {
        DeploymentManifest manifest = loader.load(
                MANIFESTS.resolve("10_iotedge-e2e-nested-middle-layer.deployment.json"), expander(Map.of()));

        assertThat(manifest.hubSchemaVersion()).isEqualTo("1.2");
        assertThat(manifest.modules().get("IoTEdgeAPIProxy").startupOrder()).isEqualTo(3);
        assertThat(manifest.systemModules().get("edgeHub").createOptions()).contains("PortBindings");
        assertThat(manifest.routes().get("ToRelayer1").route()).contains("$connectionDeviceId = \"L3LeafToRelayer1\"");
    }

    @Test
    void routeObjectsCarryPriorityAndTtl() throws Exception {
        DeploymentManifest manifest = loader.load(manifest("""
                "r1": {"route": "FROM /messages/* INTO $upstream", "priority": 0, "timeToLiveSecs": 60},
                "r2": "FROM /messages/* INTO $upstream",
                "blank": ""
                """));

        assertThat(manifest.routes()).containsOnlyKeys("r1", "r2");
        assertThat(manifest.routes().get("r1")).isEqualTo(new RouteDefinition("r1", "FROM /messages/* INTO $upstream", 0, 60));
        assertThat(manifest.routes().get("r2").priority()).isEqualTo(RouteDefinition.DEFAULT_PRIORITY);
    }

    @Test
    void errorsNameTheJsonPath() {
        assertPathError(manifest("\"r1\": {\"route\": \"FROM /* INTO $upstream\", \"priority\": 10}"),
                "$.modulesContent.$edgeHub['properties.desired'].routes.r1.priority");
        assertPathError(manifest("\"r1\": {\"priority\": 1}"),
                "$.modulesContent.$edgeHub['properties.desired'].routes.r1.route");
        assertPathError(manifest("\"r1\": 42"), "$.modulesContent.$edgeHub['properties.desired'].routes.r1");
        assertPathError(manifest("").replace("\"image\": \"img\"", "\"image\": 3"),
                "$.modulesContent.$edgeAgent['properties.desired'].modules.m1.settings.image");
        assertPathError(manifest("").replace("\"createOptions\": \"{\"", "\"createOptions02\": \"{\""),
                "$.modulesContent.$edgeAgent['properties.desired'].modules.m1.settings.createOptions02");
        assertPathError("{\"modulesContent\": {}}", "$.modulesContent.$edgeAgent");
        assertPathError("{\"modulesContent\": [", "$");
    }

    @Test
    void chunkedCreateOptionsAreJoined() throws Exception {
        String json = manifest("").replace("\"createOptions\": \"{\"",
                "\"createOptions\": \"{\\\"a\\\"\", \"createOptions01\": \":1}\"");
        assertThat(loader.load(json).modules().get("m1").createOptions()).isEqualTo("{\"a\":1}");
    }

    @Test
    void wrappedContentIsAccepted() throws Exception {
        assertThat(loader.load("{\"content\":" + manifest("") + "}").modules()).containsOnlyKeys("m1");
    }

    private void assertPathError(String json, String path) {
        assertThatThrownBy(() -> loader.load(json)).isInstanceOf(ManifestException.class)
                .satisfies(e -> assertThat(((ManifestException) e).jsonPath()).isEqualTo(path));
    }

    private static TemplateExpander expander(Map<String, String> variables) {
        return new TemplateExpander(variables::get, Map.of("FilterModule", "localhost:5000/filtermodule:0.0.1"));
    }

    static String manifest(String routes) {
        return """
                {"modulesContent": {
                  "$edgeAgent": {"properties.desired": {"schemaVersion": "1.1",
                    "systemModules": {
                      "edgeAgent": {"type": "docker", "settings": {"image": "agent"}},
                      "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                                  "settings": {"image": "hub"}}},
                    "modules": {"m1": {"type": "docker", "status": "running", "restartPolicy": "always",
                                       "settings": {"image": "img", "createOptions": "{"}}}}},
                  "$edgeHub": {"properties.desired": {"schemaVersion": "1.1", "routes": {%s},
                    "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}}}}}
                """.formatted(routes);
    }
}
