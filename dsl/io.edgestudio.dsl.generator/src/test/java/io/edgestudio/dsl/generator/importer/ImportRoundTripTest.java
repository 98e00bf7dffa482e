package io.edgestudio.dsl.generator.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest in {@code shared/manifests/}: import, validate without errors, generate, and the generated manifest
 * equals the original as {@link ManifestComparison} defines it. The only differences allowed are the ones the import
 * warned about, and those are listed here per manifest, so a new loss fails the test.
 */
class ImportRoundTripTest {

	/** The warnings (not notes) each manifest is expected to give, as pointers. */
	private static final Map<String, List<String>> EXPECTED_WARNINGS = Map.of(
			"10_iotedge-e2e-nested-middle-layer.deployment.json", List.of(
					"/modulesContent/$edgeHub/properties.desired/routes/ToRelayer1"));

	static Stream<Path> manifests() throws IOException {
		try (Stream<Path> files = Files.list(TestSolutions.shared().resolve("manifests"))) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("manifests")
	void importValidateGenerateGivesTheSameManifest(Path manifest, @TempDir Path dir) throws IOException {
		String json = Files.readString(manifest);
		ManifestImporter.Result result = new ManifestImporter().importManifest(json, "Imported", manifest.getFileName().toString());
		Path edge = Files.writeString(dir.resolve("imported.edge"), result.text());

		RoundTrip.Outcome outcome = RoundTrip.check(TestSolutions.LOADER, edge, json, result.warnings());

		assertThat(outcome.errors()).as("validation errors of\n" + result.text()).isEmpty();
		assertThat(outcome.differences()).as("differences not explained by a warning").isEmpty();
		assertThat(result.warnings().stream().filter(w -> !w.note()).map(ImportWarning::pointer))
				.as("warnings").containsExactlyElementsOf(EXPECTED_WARNINGS.getOrDefault(manifest.getFileName().toString(), List.of()));
		assertThat(EdgeFormatting.format(result.text())).as("the .edge formatter changes nothing").isEqualTo(result.text());
	}
}
