package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.Platform;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module entries, system modules, registry credentials and desired twin defaults. */
class ManifestContentTest {

	private final DeploymentManifestGenerator generator = new DeploymentManifestGenerator();

	@Test
	void desiredTwinDefaultsAreNestedObjectsWithoutReportedMembers() {
		JsonNode content = manifest("greenhouse", Platform.ARM32V7, false).get("modulesContent");
		assertThat(ManifestJson.write(content.get("ClimateController").get("properties.desired"))).isEqualTo("""
				{
				  "Day": {
				    "Temperature": 24,
				    "Humidity": 65
				  },
				  "Night": {
				    "Temperature": 18,
				    "Humidity": 75
				  },
				  "Zone": "north"
				}
				""");
		assertThat(content.has("ClimateSensor")).as("no section for a module without twin").isFalse();
	}

	@Test
	void twinMembersWithoutDefaultsAndEmptyObjectsAreLeftOut(@TempDir Path dir) {
		EdgeSolution edge = TestSolutions.parse(dir, """
				solution S { }
				twin T {
				    desired Rate: double range 0..10
				    desired Limits { Low: int  High: int }
				    desired Label: string = "a \\"quoted\\" label"
				    desired Enabled: bool = true
				    desired Ratio: double = 0.50
				}
				module M { image "m:1" twin T }
				""");
		JsonNode desired = generator.manifest(edge, new Variant(Platform.AMD64, false)).get("modulesContent").get("M").get("properties.desired");
		assertThat(ManifestJson.write(desired)).isEqualTo("""
				{
				  "Label": "a \\"quoted\\" label",
				  "Enabled": true,
				  "Ratio": 0.50
				}
				""");
	}

	@Test
	void registryCredentialsArePlaceholdersOfTheNamedVariables() {
		JsonNode runtime = agent(manifest("factory-line", Platform.ARM64V8, false)).get("runtime");
		assertThat(ManifestJson.write(runtime.get("settings").get("registryCredentials"))).isEqualTo("""
				{
				  "factory": {
				    "username": "$ACR_USERNAME",
				    "password": "$ACR_PASSWORD",
				    "address": "factoryacr.azurecr.io"
				  }
				}
				""");
	}

	@Test
	void moduleEntryCarriesStructuredCreateOptionsAndPolicies() {
		JsonNode modules = agent(manifest("factory-line", Platform.ARM64V8, false)).get("modules");
		assertThat(ManifestJson.write(modules.get("Historian"))).isEqualTo("""
				{
				  "version": "1.0",
				  "type": "docker",
				  "status": "running",
				  "restartPolicy": "always",
				  "env": {
				    "DOCKER_INFLUXDB_INIT_MODE": {
				      "value": "setup"
				    }
				  },
				  "settings": {
				    "image": "influxdb:2.7",
				    "createOptions": "{\\"HostConfig\\":{\\"PortBindings\\":{\\"8086/tcp\\":[{\\"HostPort\\":\\"8086\\"}]},\\"Binds\\":[\\"/var/line3/influx:/var/lib/influxdb2\\"]},\\"ExposedPorts\\":{\\"8086/tcp\\":{}}}"
				  }
				}
				""");
		assertThat(modules.get("AlertManager").get("restartPolicy").asText()).isEqualTo("on-failure");
		assertThat(modules.get("Dashboard").get("imagePullPolicy").asText()).isEqualTo("on-create");
		assertThat(modules.get("Normalizer").has("imagePullPolicy")).isFalse();
		assertThat(modules.get("QualityInspector").get("settings").get("createOptions").asText())
				.isEqualTo("{\"HostConfig\":{\"Privileged\":true}}");
	}

	@Test
	void builtModulesRunTheirPlatformImageAndDebugBuild() {
		JsonNode release = agent(manifest("factory-line", Platform.ARM64V8, false)).get("modules");
		JsonNode debug = agent(manifest("factory-line", Platform.AMD64, true)).get("modules");
		assertThat(release.get("PlcGateway").get("settings").get("image").asText()).isEqualTo("factoryacr.azurecr.io/plcgateway:1.0.0-arm64v8");
		assertThat(debug.get("PlcGateway").get("settings").get("image").asText()).isEqualTo("factoryacr.azurecr.io/plcgateway:1.0.0-amd64.debug");
		assertThat(debug.get("PlcGateway").get("env").get("JAVA_TOOL_OPTIONS").get("value").asText()).contains("jdwp").contains("5005");
		assertThat(debug.get("VibrationSensor").has("env")).as("JDWP only for Java").isFalse();
		assertThat(debug.get("Historian").get("settings").get("image").asText()).as("named images unchanged").isEqualTo("influxdb:2.7");
	}

	@Test
	void systemModulesDefaultToRuntime15AndPublishTheHubPorts(@TempDir Path dir) {
		ObjectNode manifest = generator.manifest(TestSolutions.parse(dir, "solution S { }\n"), new Variant(Platform.AMD64, false));
		JsonNode system = agent(manifest).get("systemModules");
		assertThat(system.get("edgeAgent").get("settings").get("image").asText()).isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");
		assertThat(system.get("edgeHub").get("settings").get("image").asText()).isEqualTo("mcr.microsoft.com/azureiotedge-hub:1.5");
		assertThat(system.get("edgeHub").get("settings").get("createOptions").asText()).contains("\"8883/tcp\"", "\"5671/tcp\"", "\"443/tcp\"");
		JsonNode hub = manifest.get("modulesContent").get("$edgeHub").get("properties.desired");
		assertThat(hub.get("schemaVersion").asText()).isEqualTo("1.2");
		assertThat(hub.get("storeAndForwardConfiguration").get("timeToLiveSecs").longValue()).isEqualTo(7200);
		assertThat(agent(manifest).get("schemaVersion").asText()).isEqualTo("1.1");
	}

	@Test
	void hubSchema10GetsRouteStringsAndRefusesPriorities(@TempDir Path dir) throws Exception {
		String modules = """
				module A { image "a:1" output o }
				module B { image "b:1" input i }
				""";
		EdgeSolution plain = TestSolutions.parse(dir, "solution S { edgeHub { schema \"1.0\" } }\n" + modules + "route R: A.o -> B.i\n");
		JsonNode routes = generator.manifest(plain, new Variant(Platform.AMD64, false)).get("modulesContent").get("$edgeHub")
				.get("properties.desired").get("routes");
		assertThat(routes.get("R").isTextual()).isTrue();
		assertThat(routes.get("R").asText()).isEqualTo("FROM /messages/modules/A/outputs/o INTO BrokeredEndpoint(\"/modules/B/inputs/i\")");

		// validation reports it first; the generator still refuses a model that skipped validation
		Path file = dir.resolve("prioritised.edge");
		java.nio.file.Files.writeString(file, "solution S { edgeHub { schema \"1.0\" } }\n" + modules + "route R: A.o -> B.i priority 1\n");
		SolutionLoader.Loaded loaded = TestSolutions.LOADER.load(java.util.List.of(file));
		assertThat(loaded.errors()).singleElement().asString().contains("routeOptionsNeedHubSchema");
		EdgeSolution prioritised = EdgeSolution.of(loaded.resources());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> generator.manifest(prioritised, new Variant(Platform.AMD64, false)))
				.isInstanceOf(GeneratorException.class).hasMessageContaining("route R").hasMessageContaining("1.1");
	}

	private ObjectNode manifest(String example, Platform platform, boolean debug) {
		return generator.manifest(TestSolutions.load(TestSolutions.examples().resolve(example)), new Variant(platform, debug));
	}

	private static JsonNode agent(JsonNode manifest) {
		return manifest.get("modulesContent").get("$edgeAgent").get("properties.desired");
	}
}
