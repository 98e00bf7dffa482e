package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.edgestudio.dsl.edge.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example, for its own platform and one other, release and debug, validates against the public
 * SchemaStore schemas: deployment 2.0 for the whole manifest, edgeAgent 1.1 and edgeHub 1.2 for the sections.
 */
class SchemaValidationTest {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
	private static final Schema DEPLOYMENT = schema("azure-iot-edge-deployment-2.0.json");
	private static final Schema EDGE_AGENT = schema("azure-iot-edgeagent-deployment-1.1.json");
	private static final Schema EDGE_HUB = schema("azure-iot-edgehub-deployment-1.2.json");

	private final DeploymentManifestGenerator generator = new DeploymentManifestGenerator();

	static Stream<Arguments> manifests() {
		List<Arguments> cases = new ArrayList<>();
		for (Path example : TestSolutions.exampleDirs()) {
			for (Platform platform : List.of(Platform.AMD64, Platform.ARM64V8)) {
				for (boolean debug : List.of(false, true)) {
					cases.add(Arguments.of(example.getFileName().toString(), new Variant(platform, debug)));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("manifests")
	void manifestMatchesDeploymentSchema(String example, Variant variant) {
		String text = manifestText(example, variant);
		assertThat(errors(DEPLOYMENT, text)).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("manifests")
	void sectionsMatchEdgeAgentAndEdgeHubSchemas(String example, Variant variant) {
		ObjectNode manifest = generator.manifest(TestSolutions.load(TestSolutions.examples().resolve(example)), variant);
		ObjectNode content = (ObjectNode) manifest.get("modulesContent");
		ObjectNode agent = ManifestJson.object().set("$edgeAgent", content.get("$edgeAgent"));
		ObjectNode hub = ManifestJson.object().set("$edgeHub", content.get("$edgeHub"));
		assertThat(errors(EDGE_AGENT, ManifestJson.write(agent))).isEmpty();
		assertThat(errors(EDGE_HUB, ManifestJson.write(hub))).isEmpty();
	}

	@Test
	void schemasRejectWhatTheRuntimeRejects() {
		String manifest = manifestText("thermostat", new Variant(Platform.AMD64, false));
		assertThat(errors(DEPLOYMENT, manifest.replace("\"restartPolicy\": \"always\"", "\"restartPolicy\": \"sometimes\""))).isNotEmpty();
		assertThat(errors(DEPLOYMENT, manifest.replace("\"priority\": 0", "\"priority\": 10"))).isNotEmpty();
		assertThat(errors(EDGE_AGENT, "{\"$edgeAgent\":{\"properties.desired\":{\"schemaVersion\":\"1.0\"}}}")).isNotEmpty();
	}

	private String manifestText(String example, Variant variant) {
		return generator.manifestText(TestSolutions.load(TestSolutions.examples().resolve(example)), variant);
	}

	private static List<String> errors(Schema schema, String json) {
		return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}

	private static Schema schema(String name) {
		try (InputStream in = Files.newInputStream(TestSolutions.shared().resolve("schemas").resolve(name))) {
			return REGISTRY.getSchema(in, InputFormat.JSON);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read schema " + name, e);
		}
	}
}
