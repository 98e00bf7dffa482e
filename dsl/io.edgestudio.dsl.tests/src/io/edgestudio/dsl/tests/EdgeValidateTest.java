package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.cli.EdgeValidate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge validate}: output lines and exit codes.
 */
class EdgeValidateTest {

	private static EdgeValidate validate;

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void injector() {
		validate = new EdgeValidate();
	}

	@Test
	void examplesPassWithNoOutput() throws Exception {
		List<Path> examples = ExamplesTest.solutions().toList();
		assertThat(run(examples)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void brokenFilePrintsOneLinePerIssueAndFails() throws Exception {
		Path file = dir.resolve("broken.edge");
		Files.writeString(file, """
				module Filter java {
				    input input1
				    output output1
				}
				route R: Filter.output1 -> $upstream priority 12
				route S: Filtr.output1 -> $upstream
				""");
		assertThat(run(List.of(file))).isEqualTo(EdgeValidate.ERRORS);
		assertThat(lines()).containsExactly(
				file + ":2:11: warning: No route delivers to input 'input1': add a route to it or remove it. [io.edgestudio.dsl.unroutedInput]",
				file + ":5:47: error: Route priority must be between 0 (highest) and 9 (lowest). [io.edgestudio.dsl.invalidPriority]",
				file + ":6:10: error: Unknown module 'Filtr'. Did you mean 'Filter'? [org.eclipse.xtext.diagnostics.Diagnostic.Linking]");
	}

	@Test
	void directoryIsOneSolution() throws Exception {
		Files.createDirectories(dir.resolve("types"));
		Files.writeString(dir.resolve("types/t.edge"), "package t message M { a: int }");
		Files.writeString(dir.resolve("main.edge"), """
				import t.*
				module A python { output out: M }
				route R: A.out -> $upstream
				""");
		int exit = run(List.of(dir));
		assertThat(lines()).isEmpty();
		assertThat(exit).isZero();
	}

	@Test
	void warningsAloneExitZero() throws Exception {
		Path file = dir.resolve("warn.edge");
		Files.writeString(file, "module A python { output out }\n");
		assertThat(run(List.of(file))).isZero();
		assertThat(lines()).hasSize(2).allMatch(line -> line.contains(": warning: "));
	}

	@Test
	void missingArgumentsAreUsageErrors() {
		assertThat(run(List.of())).isEqualTo(EdgeValidate.USAGE);
		assertThat(run(List.of(dir.resolve("absent.edge")))).isEqualTo(EdgeValidate.USAGE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: edge validate", "no such file or directory");
	}

	private int run(List<Path> paths) {
		return validate.run(paths, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private List<String> lines() {
		return out.toString(StandardCharsets.UTF_8).lines().toList();
	}
}
