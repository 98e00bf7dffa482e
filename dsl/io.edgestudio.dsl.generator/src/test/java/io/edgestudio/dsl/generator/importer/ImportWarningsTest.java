package io.edgestudio.dsl.generator.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What .edge cannot carry is reported at its JSON pointer, the rest of the manifest still round-trips, and
 * malformed manifests fail with the pointer of the problem.
 */
class ImportWarningsTest {

	private static final String AGENT = "/modulesContent/$edgeAgent/properties.desired";
	private static final String HUB = "/modulesContent/$edgeHub/properties.desired";

	@TempDir
	Path dir;

	/** A final manifest with the given modules, routes, extra edgeHub members and extra modulesContent sections. */
	private static String manifest(String registries, String modules, String routes, String hubExtra, String sections) {
		return """
				{
				  "modulesContent": {
				    "$edgeAgent": {
				      "properties.desired": {
				        "schemaVersion": "1.1",
				        "runtime": {"type": "docker", "settings": {"minDockerVersion": "v1.25", "loggingOptions": "",
				          "registryCredentials": {%s}}},
				        "systemModules": {
				          "edgeAgent": {"type": "docker", "settings": {"image": "mcr.microsoft.com/azureiotedge-agent:1.5", "createOptions": "{}"}},
				          "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
				            "settings": {"image": "mcr.microsoft.com/azureiotedge-hub:1.5", "createOptions": "{}"}}
				        },
				        "modules": {%s}
				      }
				    },
				    "$edgeHub": {
				      "properties.desired": {
				        "schemaVersion": "1.2",
				        "routes": {%s},
				        "storeAndForwardConfiguration": {"timeToLiveSecs": 7200}%s
				      }
				    }%s
				  }
				}
				""".formatted(registries, modules, routes, hubExtra, sections);
	}

	private static String module(String name, String extra) {
		return "\"" + name + "\": {\"version\": \"1.0\", \"type\": \"docker\", \"status\": \"running\", \"restartPolicy\": \"always\", "
				+ "\"settings\": {\"image\": \"example.azurecr.io/" + name.toLowerCase() + ":1\", \"createOptions\": \"{}\"}" + extra + "}";
	}

	private ManifestImporter.Result importAndCheck(String json) throws IOException {
		ManifestImporter.Result result = new ManifestImporter().importManifest(json, "Test", "test.json");
		Path edge = Files.writeString(dir.resolve("test.edge"), result.text());
		RoundTrip.Outcome outcome = RoundTrip.check(TestSolutions.LOADER, edge, json, result.warnings());
		assertThat(outcome.errors()).as(result.text()).isEmpty();
		assertThat(outcome.differences()).as(result.text()).isEmpty();
		return result;
	}

	private static ImportWarning warningAt(ManifestImporter.Result result, String pointer) {
		return result.warnings().stream().filter(w -> w.pointer().equals(pointer)).findFirst()
				.orElseThrow(() -> new AssertionError("no warning at " + pointer + " in " + result.warnings()));
	}

	@Test
	void literalCredentialsBecomeVariablesAndAreNeverWritten() throws IOException {
		String json = manifest("\"acr\": {\"username\": \"bob\", \"password\": \"s3cr3t-Pa55\", \"address\": \"example.azurecr.io\"}", "", "", "", "");
		ManifestImporter.Result result = new ManifestImporter().importManifest(json, "Test", "test.json");

		assertThat(result.text()).doesNotContain("s3cr3t-Pa55").doesNotContain("\"bob\"")
				.contains("registry acr \"example.azurecr.io\" username env ACR_USERNAME password env ACR_PASSWORD");
		ImportWarning password = warningAt(result, AGENT + "/runtime/settings/registryCredentials/acr/password");
		assertThat(password.note()).isFalse();
		assertThat(password.message()).contains("ACR_PASSWORD").doesNotContain("s3cr3t");
		assertThat(result.text()).contains("this file holds no secret");
	}

	@Test
	void twinValuesTwinsCannotHoldAreLeftOutWithTheirPointer() throws IOException {
		String json = manifest("", module("Filter", ""), "", "", """
				, "Filter": {"properties.desired": {"Threshold": 25.5, "Count": 3, "Big": 9000000000, "On": true, "Name": "x",
				    "Tags": ["a", "b"], "Gone": null, "Nested": {"Deep": {"Level": 2}}, "bad-name": 1}}""");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(result.text()).contains("""
				twin FilterTwin {
				    desired Threshold: double = 25.5
				    desired Count: int = 3
				    desired Big: long = 9000000000
				    desired On: bool = true
				    desired Name: string = "x"
				    desired Nested {
				        Deep {
				            Level: int = 2
				        }
				    }
				}
				""");
		assertThat(warningAt(result, "/modulesContent/Filter/properties.desired/Tags").message()).contains("arrays");
		assertThat(warningAt(result, "/modulesContent/Filter/properties.desired/Gone").message()).contains("null");
		assertThat(warningAt(result, "/modulesContent/Filter/properties.desired/bad-name").message()).contains("cannot be a twin member name");
	}

	@Test
	void unknownMembersAndSectionsOfUndeclaredModulesAreReported() throws IOException {
		String json = manifest("", module("Filter", ", \"futureSetting\": 1"), "",
				", \"mqttBroker\": {\"authorizations\": []}", ", \"Ghost\": {\"properties.desired\": {\"a\": 1}}");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(warningAt(result, HUB + "/mqttBroker").message()).contains("left out");
		assertThat(warningAt(result, AGENT + "/modules/Filter/futureSetting").message()).contains("left out");
		assertThat(warningAt(result, "/modulesContent/Ghost").message()).contains("no module 'Ghost'");
		assertThat(result.text()).contains("Not carried over as it was:").contains("- " + HUB + "/mqttBroker");
	}

	@Test
	void namesDotEdgeCannotSpellAreRenamedEverywhere() throws IOException {
		String json = manifest("", module("temp-sensor", "") + "," + module("Filter", ""),
				"\"sensor-to-filter\": \"FROM /messages/modules/temp-sensor/outputs/out INTO BrokeredEndpoint(\\\"/modules/Filter/inputs/in\\\")\"", "", "");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(result.text()).contains("module temp_sensor {").contains("route sensor_to_filter: temp_sensor.out -> Filter.in");
		assertThat(warningAt(result, AGENT + "/modules/temp-sensor").message()).contains("renamed to temp_sensor");
		assertThat(warningAt(result, HUB + "/routes/sensor-to-filter").message()).contains("renamed to sensor_to_filter");
	}

	@Test
	void routesWithoutTypedFormAreKeptAsEdgeHubStrings() throws IOException {
		String json = manifest("", module("Filter", ""), """
				"all": {"route": "FROM /* INTO $upstream", "priority": 1, "timeToLiveSecs": 3600},
				"noOutput": "FROM /messages/modules/Filter/* INTO $upstream",
				"typed": {"route": "from /messages/modules/Filter/outputs/alerts where $body.level > 2 into $upstream", "priority": 0}""", "", "");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(result.text()).contains("route all: \"FROM /* INTO $upstream\" priority 1 ttl 1h")
				.contains("route noOutput: \"FROM /messages/modules/Filter/* INTO $upstream\"")
				.contains("route typed: Filter.alerts -> $upstream where \"$body.level > 2\" priority 0")
				.contains("output alerts");
		assertThat(warningAt(result, HUB + "/routes/all/route").message()).contains("kept as an edgeHub route string");
	}

	@Test
	void structuredCreateOptionsRoundTrip() throws IOException {
		String options = """
				{"Hostname":"cam","ExposedPorts":{"80/tcp":{},"9000/udp":{}},"HostConfig":{"PortBindings":{"80/tcp":[{"HostPort":"8080"},{"HostPort":"8081"}],\
				"9000/udp":[{"HostPort":"9000"}]},"Binds":["/var/data:/data","/etc/app:/config:ro"],\
				"Devices":[{"PathOnHost":"/dev/video0","PathInContainer":"/dev/video0","CgroupPermissions":"rwm"},\
				{"PathOnHost":"/dev/ttyUSB0","PathInContainer":"/dev/serial","CgroupPermissions":"rwm"}],"Privileged":true,"ShmSize":268435456}}""";
		String json = manifest("", module("Camera", "").replace("\"createOptions\": \"{}\"", "\"createOptions\": " + quote(options)), "", "", "");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(result.text()).contains("""
				    createOptions {
				        "Hostname": "cam",
				        "HostConfig": {
				            "ShmSize": 268435456
				        }
				    }
				    port 8080:80
				    port 8081:80
				    port 9000:9000/udp
				    bind "/var/data" to "/data"
				    bind "/etc/app" to "/config" readonly
				    device "/dev/video0"
				    device "/dev/ttyUSB0" to "/dev/serial"
				    privileged
				""");
	}

	@Test
	void longCreateOptionsChunksAreJoinedAndSplitAgain() throws IOException {
		StringBuilder env = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			env.append(i == 0 ? "" : ",").append("\"VARIABLE_").append(i).append("=some value number ").append(i).append('"');
		}
		String options = "{\"Env\":[" + env + "]}";
		assertThat(options.length()).isGreaterThan(1024);
		StringBuilder chunks = new StringBuilder();
		for (int i = 0; i * 512 < options.length(); i++) {
			chunks.append(i == 0 ? "\"createOptions\"" : String.format(", \"createOptions%02d\"", i)).append(": ")
					.append(quote(options.substring(i * 512, Math.min(options.length(), (i + 1) * 512))));
		}
		String json = manifest("", module("Big", "").replace("\"createOptions\": \"{}\"", chunks.toString()), "", "", "");
		ManifestImporter.Result result = importAndCheck(json);

		assertThat(result.text()).contains("\"VARIABLE_59=some value number 59\"");
	}

	@Test
	void valuesOutsideTheirRangeAreReported() throws IOException {
		String json = manifest("", module("Filter", ", \"startupOrder\": -1").replace("\"restartPolicy\": \"always\"", "\"restartPolicy\": \"sometimes\""),
				"", "", "").replace("\"timeToLiveSecs\": 7200", "\"timeToLiveSecs\": -1");
		ManifestImporter.Result result = new ManifestImporter().importManifest(json, "Test", "test.json");

		assertThat(warningAt(result, AGENT + "/modules/Filter/restartPolicy").message()).contains("'sometimes'");
		assertThat(warningAt(result, AGENT + "/modules/Filter/startupOrder").message()).contains("0 to 4294967295");
		assertThat(warningAt(result, HUB + "/storeAndForwardConfiguration/timeToLiveSecs").message()).contains("7200");
	}

	@Test
	void malformedManifestsFailWithThePlaceOfTheProblem() {
		ManifestImporter importer = new ManifestImporter();
		assertThatThrownBy(() -> importer.importManifest("{\n  \"modulesContent\": {,\n}", "T", "t.json"))
				.isInstanceOf(ImportException.class).hasMessageContaining("line 2, column");
		assertThatThrownBy(() -> importer.importManifest(manifest("", "", "", "", "").replace("\"modules\": {}", "\"modules\": []"), "T", "t.json"))
				.isInstanceOf(ImportException.class).extracting(e -> ((ImportException) e).pointer()).isEqualTo(AGENT + "/modules");
		assertThatThrownBy(() -> importer.importManifest(manifest("", "", "\"r\": \"FROM /messages INTO $downstream\"", "", ""), "T", "t.json"))
				.isInstanceOf(ImportException.class).hasMessageContaining("$downstream")
				.extracting(e -> ((ImportException) e).pointer()).isEqualTo(HUB + "/routes/r");
		assertThatThrownBy(() -> importer.importManifest(manifest("", module("M", "").replace("\"createOptions\": \"{}\"", "\"createOptions\": \"{oops\""),
				"", "", ""), "T", "t.json"))
				.isInstanceOf(ImportException.class).extracting(e -> ((ImportException) e).pointer())
				.isEqualTo(AGENT + "/modules/M/settings/createOptions");
		assertThatThrownBy(() -> importer.importManifest("{\"modulesContent\": {\"$edgeHub\": {}}}", "T", "t.json"))
				.isInstanceOf(ImportException.class).extracting(e -> ((ImportException) e).pointer()).isEqualTo("/modulesContent/$edgeAgent");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
