package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.cli.EdgeValidate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every solution under the repository's examples/ directory validates without any issue.
 */
class ExamplesTest {

	private static final EdgeValidate VALIDATE = new EdgeValidate();

	/** The example solutions: one directory each under examples/. */
	static Stream<Path> solutions() throws IOException {
		Path examples = Path.of(System.getProperty("edge.examples", "../../examples"));
		try (Stream<Path> children = Files.list(examples)) {
			return children.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	/** The texts of a solution's .edge files, in path order. */
	static String[] texts(Path solution) throws IOException {
		try (Stream<Path> walk = Files.walk(solution)) {
			return walk.filter(p -> p.toString().endsWith(".edge")).sorted().map(ExamplesTest::read).toArray(String[]::new);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void thereAreAtLeastThreeExamples() throws IOException {
		assertThat(solutions()).hasSizeGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@MethodSource("solutions")
	void exampleValidatesClean(Path solution) {
		List<String> issues = new ArrayList<>();
		boolean errors = VALIDATE.validate(solution, issues);
		assertThat(issues).isEmpty();
		assertThat(errors).isFalse();
	}
}
