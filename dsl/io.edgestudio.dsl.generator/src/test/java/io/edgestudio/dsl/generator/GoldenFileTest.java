package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.edge.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thermostat example's manifests equal the committed golden files byte for byte, and generating
 * twice gives identical bytes. To accept an intended change, regenerate them with
 * {@code edge generate examples/thermostat --out src/test/resources/golden/thermostat} and review the diff.
 */
class GoldenFileTest {

	private final DeploymentManifestGenerator generator = new DeploymentManifestGenerator();

	@ParameterizedTest
	@ValueSource(strings = {"deployment.amd64.json", "deployment.debug.amd64.json"})
	void thermostatMatchesGoldenFile(String file, @TempDir Path out) throws IOException {
		generator.generate(thermostat(), out, Set.of(Platform.AMD64));
		assertThat(Files.readString(out.resolve(file))).isEqualTo(golden("thermostat/" + file));
	}

	@Test
	void generatingTwiceGivesIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
		for (Path example : TestSolutions.exampleDirs()) {
			generator.generate(TestSolutions.load(example), first, Set.of(Platform.AMD64, Platform.ARM32V7));
			generator.generate(TestSolutions.load(example), second, Set.of(Platform.AMD64, Platform.ARM32V7));
			try (var files = Files.list(first)) {
				for (Path file : files.toList()) {
					assertThat(Files.readAllBytes(second.resolve(file.getFileName())))
							.as(example.getFileName() + "/" + file.getFileName()).isEqualTo(Files.readAllBytes(file));
				}
			}
		}
	}

	@Test
	void manifestTextUsesTwoSpacesLineFeedsAndATrailingNewline() {
		String text = generator.manifestText(thermostat(), new Variant(Platform.AMD64, false));
		assertThat(text).startsWith("{\n  \"modulesContent\": {\n    \"$edgeAgent\": {\n").endsWith("}\n")
				.doesNotContain("\r").doesNotContain("\t").doesNotContain(" : ");
	}

	@Test
	void defaultPlatformIsTheSolutions(@TempDir Path out) throws IOException {
		assertThat(generator.generate(TestSolutions.load(TestSolutions.examples().resolve("greenhouse")), out, Set.of()))
				.containsExactly(out.resolve("deployment.arm32v7.json"), out.resolve("deployment.debug.arm32v7.json"));
	}

	private static EdgeSolution thermostat() {
		return TestSolutions.load(TestSolutions.examples().resolve("thermostat"));
	}

	private static String golden(String name) throws IOException {
		try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/" + name)) {
			assertThat(in).as("golden file " + name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
