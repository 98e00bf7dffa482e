package io.edgestudio.dsl.generator.dtdl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.GeneratorException;
import io.edgestudio.dsl.generator.TestSolutions;
import io.edgestudio.dsl.generator.cli.EdgeGenerate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DTDL v3 interfaces of twin schemas: DTMI and names valid, writable flags, schema mapping, the thermostat's
 * interface equal to its golden file ({@code src/test/resources/golden/thermostat/dtdl/}; to accept a change run with
 * {@code -Dedge.golden.update=true} and review the diff), byte-identical
 * regeneration, and {@code edge generate} writing them into {@code config/dtdl/}.
 */
class DtdlGeneratorTest {

	private static final Pattern DTMI = Pattern.compile(
			"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*;[1-9][0-9]{0,8}$");
	private static final Pattern NAME = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$");
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Path GOLDEN = Path.of("src/test/resources/golden/thermostat/dtdl");

	/** A twin using every type: all primitives, an enum, a message with a nested message and units, twin objects. */
	static final String EVERY_TYPE = """
			solution my_plant_2_ { platform amd64 }

			enum Mode "Operating mode" { eco "saves energy", normal, boost }

			message Point { x: double unit "m" y: double }

			message Calibration "A calibration" {
				offset: double unit "°C" "added to readings"
				origin: Point
				at: datetime
				label: string?
			}

			/** Settings of the
			 *  pump. */
			twin PumpSettings {
				desired enabled: bool = true
				desired interval: int = 10 range 1..3600 "seconds between readings"
				desired budget: long
				desired gain: double
				desired name: string
				desired since: datetime
				desired mode: Mode = "eco"
				desired calibration: Calibration
				desired limits {
					low: double = 0.5
					window { seconds: long = 60 }
				} "alarm limits"
				reported lastRun: datetime
				reported state { ok: bool mode: Mode }
			}

			module Pump java { twin PumpSettings }
			""";

	private final DtdlGenerator generator = new DtdlGenerator();

	@Test
	void thermostatInterfaceIsValidAndMatchesGoldenFile() throws IOException {
		EdgeSolution solution = TestSolutions.load(TestSolutions.examples().resolve("thermostat"));
		Map<String, String> files = generator.interfaces(solution);
		assertThat(files).containsOnlyKeys("FilterSettings.json");
		String text = files.get("FilterSettings.json");
		if (Boolean.getBoolean("edge.golden.update")) {
			Files.writeString(GOLDEN.resolve("FilterSettings.json"), text);
		}
		assertThat(text).isEqualTo(Files.readString(GOLDEN.resolve("FilterSettings.json"))).endsWith("}\n").doesNotContain("\t", "\r");
		JsonNode root = JSON.readTree(text);
		assertValid(root);
		assertThat(root.get("@id").asText()).isEqualTo("dtmi:Thermostat:FilterSettings;1");
		assertThat(root.get("description").asText()).isEqualTo("Settings of the filter, changed from the cloud.");
		JsonNode threshold = property(root, "TemperatureThreshold");
		assertThat(threshold.get("schema").asText()).isEqualTo("double");
		assertThat(threshold.get("writable").asBoolean()).isTrue();
		assertThat(threshold.get("description").asText()).isEqualTo("Forward readings above this machine temperature");
		JsonNode lastAlert = property(root, "LastAlert");
		assertThat(lastAlert.get("schema").asText()).isEqualTo("dateTime");
		assertThat(lastAlert.get("writable").asBoolean()).isFalse();
	}

	@Test
	void everyTypeMapsToItsDtdlSchema(@TempDir Path dir) throws IOException {
		JsonNode root = JSON.readTree(generator.interfaces(TestSolutions.parse(dir, EVERY_TYPE)).get("PumpSettings.json"));
		assertValid(root);
		assertThat(root.get("@id").asText()).isEqualTo("dtmi:my_plant_2:PumpSettings;1");
		assertThat(root.get("displayName").asText()).isEqualTo("PumpSettings");
		assertThat(root.get("description").asText()).isEqualTo("Settings of the pump.");
		List<String> names = new ArrayList<>();
		root.get("contents").forEach(p -> names.add(p.get("name").asText()));
		assertThat(names).containsExactly("enabled", "interval", "budget", "gain", "name", "since", "mode", "calibration", "limits",
				"lastRun", "state");
		assertThat(property(root, "enabled").get("schema").asText()).isEqualTo("boolean");
		assertThat(property(root, "interval").get("schema").asText()).isEqualTo("integer");
		assertThat(property(root, "interval").get("description").asText()).isEqualTo("seconds between readings");
		assertThat(property(root, "budget").get("schema").asText()).isEqualTo("long");
		assertThat(property(root, "gain").get("schema").asText()).isEqualTo("double");
		assertThat(property(root, "name").get("schema").asText()).isEqualTo("string");
		assertThat(property(root, "since").get("schema").asText()).isEqualTo("dateTime");
		for (String desired : List.of("enabled", "interval", "budget", "gain", "name", "since", "mode", "calibration", "limits")) {
			assertThat(property(root, desired).get("writable").asBoolean()).as(desired).isTrue();
		}
		assertThat(property(root, "lastRun").get("writable").asBoolean()).isFalse();
		assertThat(property(root, "state").get("writable").asBoolean()).isFalse();

		JsonNode mode = property(root, "mode").get("schema");
		assertThat(mode.get("@type").asText()).isEqualTo("Enum");
		assertThat(mode.get("valueSchema").asText()).isEqualTo("string");
		assertThat(mode.get("description").asText()).isEqualTo("Operating mode");
		assertThat(mode.get("enumValues")).hasSize(3);
		assertThat(mode.get("enumValues").get(0).toString()).isEqualTo("{\"name\":\"eco\",\"enumValue\":\"eco\",\"description\":\"saves energy\"}");
		assertThat(mode.get("enumValues").get(2).toString()).isEqualTo("{\"name\":\"boost\",\"enumValue\":\"boost\"}");

		JsonNode calibration = property(root, "calibration").get("schema");
		assertThat(calibration.get("@type").asText()).isEqualTo("Object");
		assertThat(calibration.get("description").asText()).isEqualTo("A calibration");
		assertThat(field(calibration, "offset").get("schema").asText()).isEqualTo("double");
		assertThat(field(calibration, "offset").get("description").asText()).isEqualTo("added to readings (unit: °C)");
		assertThat(field(calibration, "at").get("schema").asText()).isEqualTo("dateTime");
		assertThat(field(calibration, "label").get("schema").asText()).isEqualTo("string");
		JsonNode origin = field(calibration, "origin").get("schema");
		assertThat(origin.get("@type").asText()).isEqualTo("Object");
		assertThat(field(origin, "x").get("description").asText()).isEqualTo("Unit: m.");
		assertThat(field(origin, "y").has("description")).isFalse();

		JsonNode limits = property(root, "limits");
		assertThat(limits.get("description").asText()).isEqualTo("alarm limits");
		assertThat(limits.get("schema").get("@type").asText()).isEqualTo("Object");
		assertThat(field(limits.get("schema"), "low").get("schema").asText()).isEqualTo("double");
		JsonNode window = field(limits.get("schema"), "window").get("schema");
		assertThat(window.get("@type").asText()).isEqualTo("Object");
		assertThat(field(window, "seconds").get("schema").asText()).isEqualTo("long");
		assertThat(field(property(root, "state").get("schema"), "mode").get("schema").get("@type").asText()).isEqualTo("Enum");
	}

	@Test
	void everyExampleGivesValidInterfacesAndRegeneratesIdentically() throws IOException {
		for (Path example : TestSolutions.exampleDirs()) {
			Map<String, String> first = generator.interfaces(TestSolutions.load(example));
			assertThat(generator.interfaces(TestSolutions.load(example))).as(example.toString()).isEqualTo(first);
			for (String text : first.values()) {
				assertValid(JSON.readTree(text));
			}
		}
	}

	@Test
	void dtmiSegmentsFollowTheRules() {
		assertThat(DtdlGenerator.dtmi("Thermostat", "FilterSettings")).isEqualTo("dtmi:Thermostat:FilterSettings;1");
		assertThat(DtdlGenerator.dtmi("_2nd_line__", "T_")).isEqualTo("dtmi:nd_line:T;1").matches(DTMI);
		assertThat(DtdlGenerator.dtmi("___", "9")).isEqualTo("dtmi:edge:edge;1").matches(DTMI);
	}

	@Test
	void aMemberBothDesiredAndReportedIsOneWritableProperty(@TempDir Path dir) throws IOException {
		EdgeSolution solution = TestSolutions.parse(dir, "solution S { }\ntwin T {\n  reported level: int\n  desired level: int = 3\n  reported ok: bool\n}\n");
		JsonNode root = JSON.readTree(generator.interfaces(solution).get("T.json"));
		assertValid(root);
		assertThat(root.get("contents")).hasSize(2);
		assertThat(property(root, "level").get("writable").asBoolean()).isTrue();
		assertThat(property(root, "ok").get("writable").asBoolean()).isFalse();
		assertThat(root.has("description")).isFalse();
	}

	@Test
	void namesDtdlCannotSpellAreAnErrorNamingThePlace(@TempDir Path dir) {
		EdgeSolution solution = TestSolutions.parse(dir, "solution S { }\ntwin T {\n  desired ok: int\n  desired bad_: int\n}\n");
		assertThatThrownBy(() -> generator.interfaces(solution)).isInstanceOf(GeneratorException.class)
				.hasMessageStartingWith("test.edge:4: 'bad_' is not a DTDL name");
	}

	@Test
	void edgeGenerateWritesInterfacesIntoConfigDtdl(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("s.edge"), EVERY_TYPE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new EdgeGenerate(() -> TestSolutions.LOADER).run(List.of(dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
		Path file = dir.resolve("config/dtdl/PumpSettings.json");
		assertThat(file).isRegularFile();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(file.toString());
		assertValid(JSON.readTree(file.toFile()));
	}

	/** Structural DTDL v3 checks of an interface: context, DTMI, type, and valid unique names everywhere. */
	static void assertValid(JsonNode root) {
		assertThat(root.get("@context").asText()).isEqualTo("dtmi:dtdl:context;3");
		assertThat(root.get("@id").asText()).matches(DTMI);
		assertThat(root.get("@type").asText()).isEqualTo("Interface");
		assertThat(root.get("displayName").asText()).isNotBlank().hasSizeLessThanOrEqualTo(64);
		List<String> names = new ArrayList<>();
		for (JsonNode property : root.get("contents")) {
			assertThat(property.get("@type").asText()).isEqualTo("Property");
			assertThat(property.get("writable").isBoolean()).isTrue();
			names.add(assertName(property));
			assertSchema(property.get("schema"));
		}
		assertThat(names).doesNotHaveDuplicates();
	}

	private static String assertName(JsonNode element) {
		String name = element.get("name").asText();
		assertThat(name).matches(NAME).hasSizeLessThanOrEqualTo(64);
		return name;
	}

	private static void assertSchema(JsonNode schema) {
		if (schema.isTextual()) {
			assertThat(schema.asText()).isIn("boolean", "integer", "long", "double", "string", "dateTime");
			return;
		}
		switch (schema.get("@type").asText()) {
			case "Object" -> {
				List<String> names = new ArrayList<>();
				for (JsonNode field : schema.get("fields")) {
					names.add(assertName(field));
					assertSchema(field.get("schema"));
				}
				assertThat(names).doesNotHaveDuplicates();
			}
			case "Enum" -> {
				assertThat(schema.get("valueSchema").asText()).isIn("string", "integer");
				assertThat(schema.get("enumValues")).isNotEmpty();
				for (JsonNode value : schema.get("enumValues")) {
					assertName(value);
					assertThat(value.get("enumValue").isValueNode()).isTrue();
				}
			}
			default -> throw new AssertionError("unexpected schema " + schema);
		}
	}

	private static JsonNode property(JsonNode root, String name) {
		return find(root.get("contents"), name);
	}

	private static JsonNode field(JsonNode object, String name) {
		return find(object.get("fields"), name);
	}

	private static JsonNode find(JsonNode array, String name) {
		for (JsonNode element : array) {
			if (element.get("name").asText().equals(name)) {
				return element;
			}
		}
		throw new AssertionError("no " + name + " in " + array);
	}
}
