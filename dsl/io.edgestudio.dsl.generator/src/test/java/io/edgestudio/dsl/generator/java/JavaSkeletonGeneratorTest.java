package io.edgestudio.dsl.generator.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thermostat's Filter project equals the committed golden files byte for byte; the handler is
 * written once; regeneration is byte-identical. To accept an intended change, regenerate the golden
 * files with {@code edge generate examples/thermostat --out /tmp/x --modules src/test/resources/golden/thermostat/modules}
 * (delete the golden directory first so the handler is rewritten) and review the diff.
 */
class JavaSkeletonGeneratorTest {

	private final JavaSkeletonGenerator generator = new JavaSkeletonGenerator();

	@Test
	void filterMatchesGoldenFiles(@TempDir Path out) throws Exception {
		generator.generate(thermostat(), out);
		Path golden = Path.of(JavaSkeletonGeneratorTest.class.getResource("/golden/thermostat/modules").toURI());
		assertThat(relativeFiles(out)).isEqualTo(relativeFiles(golden));
		for (String file : relativeFiles(golden)) {
			assertThat(Files.readString(out.resolve(file))).as(file).isEqualTo(Files.readString(golden.resolve(file)));
		}
	}

	@Test
	void filterProjectHasTheExpectedFiles(@TempDir Path out) throws IOException {
		generator.generate(thermostat(), out);
		assertThat(relativeFiles(out.resolve("Filter"))).containsExactly("Dockerfile.amd64", "Dockerfile.amd64.debug",
				"Dockerfile.arm32v7", "Dockerfile.arm32v7.debug", "Dockerfile.arm64v8", "Dockerfile.arm64v8.debug", "module.json", "pom.xml", "src/main/java/filter/Ambient.java", "src/main/java/filter/FilterHandler.java",
				"src/main/java/filter/FilterInputs.java", "src/main/java/filter/FilterModule.java",
				"src/main/java/filter/FilterSettings.java", "src/main/java/filter/Machine.java",
				"src/main/java/filter/Telemetry.java", "src/main/resources/simplelogger.properties",
				"src/test/java/filter/FilterModuleTest.java");
	}

	@Test
	void handlerIsWrittenOnceAndPlumbingEveryTime(@TempDir Path out) throws IOException {
		EdgeSolution thermostat = thermostat();
		generator.generate(thermostat, out);
		Path handler = out.resolve("Filter/src/main/java/filter/FilterHandler.java");
		Path plumbing = out.resolve("Filter/src/main/java/filter/FilterModule.java");
		String original = Files.readString(plumbing);
		Files.writeString(handler, "// mine\n");
		Files.writeString(plumbing, "// changed\n");
		List<Path> written = generator.generate(thermostat, out);
		assertThat(handler).hasContent("// mine");
		assertThat(written).doesNotContain(handler).contains(plumbing);
		assertThat(Files.readString(plumbing)).isEqualTo(original);
	}

	@Test
	void regeneratingGivesIdenticalBytes(@TempDir Path first, @TempDir Path second, @TempDir Path rich) throws IOException {
		for (Path example : TestSolutions.exampleDirs()) {
			generator.generate(TestSolutions.load(example), first);
			generator.generate(TestSolutions.load(example), second);
		}
		EdgeSolution richSolution = TestSolutions.parse(rich, RichSolution.TEXT);
		generator.generate(richSolution, first);
		generator.generate(richSolution, second);
		assertThat(relativeFiles(first)).isEqualTo(relativeFiles(second))
				.contains("Filter/pom.xml", "Normalizer/pom.xml", "PlcGateway/pom.xml", "AlertManager/pom.xml", "Gauge/pom.xml");
		for (String file : relativeFiles(first)) {
			assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
		}
	}

	@Test
	void onlyJavaModulesGetProjects(@TempDir Path out) throws IOException {
		generator.generate(TestSolutions.load(TestSolutions.examples().resolve("factory-line")), out);
		try (Stream<Path> dirs = Files.list(out)) {
			assertThat(dirs.map(p -> p.getFileName().toString()).sorted()).containsExactly("AlertManager", "Normalizer", "PlcGateway");
		}
	}

	static EdgeSolution thermostat() {
		return TestSolutions.load(TestSolutions.examples().resolve("thermostat"));
	}

	static List<String> relativeFiles(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
