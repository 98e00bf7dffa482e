package io.edgestudio.dsl.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.TestSolutions;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How .edge types map to Java in the generated records, twin class and plumbing. */
class SkeletonContentTest {

	private final JavaSkeletonGenerator generator = new JavaSkeletonGenerator();

	@Test
	void recordsMapEveryFieldType(@TempDir Path dir) {
		String sample = files(dir).get("src/main/java/gauge/Sample.java");
		assertThat(sample).contains("/**\n * A sample with everything\n", "public record Sample(",
				"@JsonProperty(\"id\") long id,", "@JsonProperty(\"ok\") boolean ok,", "@JsonProperty(\"count\") int count,",
				"@JsonProperty(\"level\") Level level,", "@JsonProperty(\"at\") OffsetDateTime at,",
				"@JsonProperty(\"points\") List<Point> points,", "@JsonProperty(\"labels\") List<String> labels,",
				"@JsonProperty(\"note\") String note,", "@JsonProperty(\"class\") Integer class_)",
				"@param class_ a Java keyword", "import java.util.List;");
		assertThat(files(dir).get("src/main/java/gauge/Level.java"))
				.contains("public enum Level {\n\t@JsonProperty(\"low\")\n\tlow,", "@JsonProperty(\"default\")\n\tdefault_\n}");
	}

	@Test
	void twinClassHasTypedDefaultsAndNestedObjects(@TempDir Path dir) {
		String twin = files(dir).get("src/main/java/gauge/Settings.java");
		assertThat(twin).contains("public record Desired(", "@JsonProperty(\"interval\") Integer interval,",
				"@JsonProperty(\"limits\") Limits limits)", "public static final Desired DEFAULTS = new Desired(\n\t\t\t\t10,\n\t\t\t\tLevel.high,"
						+ "\n\t\t\t\tOffsetDateTime.parse(\"2024-01-01T00:00:00Z\"),\n\t\t\t\t\"a \\\"quoted\\\" label\",\n\t\t\t\tLimits.DEFAULTS);",
				"public record Limits(", "public static final Window DEFAULTS = new Window(\n", "60L);",
				"patch.limits() == null ? limits : limits == null ? patch.limits() : limits.merge(patch.limits())",
				"public record Reported(", "@JsonProperty(\"state\") State state)");
	}

	@Test
	void plumbingDispatchesEveryInputAndSendsEveryOutput(@TempDir Path dir) {
		SortedMap<String, String> files = files(dir);
		assertThat(files.get("src/main/java/gauge/GaugeModule.java")).contains(
				"case \"samples\" -> handler.onSamples(JSON.readValue(json, Sample.class));",
				"case \"raw\" -> handler.onRaw(JSON.readValue(json, JsonNode.class));",
				"public void sendForwarded(Sample message)", "public void sendPoints(Point message)",
				"public void sendAnything(JsonNode message)",
				"client.setMessageCallback(\"samples\", (message, context) -> module.receive(\"samples\", message), null);",
				"ModuleClient.createFromEnvironment(null, IotHubClientProtocol.MQTT)", "client.subscribeToDesiredProperties(",
				"ModuleClient client = createClient();", "System.getProperty(ENVIRONMENT_FILE)",
				"IotHubSSLContext.getSSLContextFromFile(caFile)");
		assertThat(files.get("src/main/java/gauge/GaugeInputs.java")).contains("void onSamples(Sample message) throws Exception;",
				"void onRaw(JsonNode message) throws Exception;", "default void onDesiredChanged(Settings.Desired desired)");
		assertThat(generator.handler(gauge(dir))).contains("public void onSamples(Sample message) throws Exception {\n\t\tmodule.sendForwarded(message);",
				"public void onRaw(JsonNode message) throws Exception {\n\t\tmodule.sendAnything(message);");
	}

	@Test
	void buildFilesMatchTheManifestsImagesAndDebugPort(@TempDir Path dir) {
		SortedMap<String, String> files = generator.plumbing(ManifestOf.thermostat(), ManifestOf.filter());
		assertThat(files.get("module.json")).contains("\"repository\": \"localhost:5000/filter\"", "\"version\": \"0.0.1\"",
				"\"amd64.debug\": \"./Dockerfile.amd64.debug\"", "\"language\": \"java\"");
		assertThat(files.get("Dockerfile.amd64.debug")).contains(
				"ENV JAVA_TOOL_OPTIONS=\"-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005\"", "EXPOSE 5005");
		assertThat(files.get("Dockerfile.amd64")).doesNotContain("jdwp").contains("COPY --from=build /build/target/filter.jar");
		assertThat(files.get("Dockerfile.arm32v7")).contains("FROM arm32v7/eclipse-temurin:21-jre", "FROM --platform=$BUILDPLATFORM maven:");
		assertThat(files.get("Dockerfile.arm64v8.debug")).contains("FROM arm64v8/eclipse-temurin:21-jre", "EXPOSE 5005");
		assertThat(files.get("module.json")).contains("\"arm32v7\": \"./Dockerfile.arm32v7\"", "\"arm64v8.debug\": \"./Dockerfile.arm64v8.debug\"");
		assertThat(files.get("pom.xml")).contains("<iot-device-client.version>2.5.0</iot-device-client.version>",
				"<jackson.version>2.22.4</jackson.version>", "<maven.compiler.release>21</maven.compiler.release>",
				"<artifactId>jackson-datatype-jsr310</artifactId>", "<mainClass>filter.FilterModule</mainClass>");
	}

	private SortedMap<String, String> files(Path dir) {
		EdgeSolution rich = TestSolutions.parse(dir, RichSolution.TEXT);
		return generator.plumbing(rich, rich.modules().getFirst());
	}

	private static Module gauge(Path dir) {
		return TestSolutions.parse(dir, RichSolution.TEXT).modules().getFirst();
	}

	/** The thermostat and its Filter module. */
	private static final class ManifestOf {
		private static final EdgeSolution THERMOSTAT = JavaSkeletonGeneratorTest.thermostat();

		static EdgeSolution thermostat() {
			return THERMOSTAT;
		}

		static Module filter() {
			return THERMOSTAT.modules().stream().filter(m -> m.getName().equals("Filter")).findFirst().orElseThrow();
		}
	}
}
