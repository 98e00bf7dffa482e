package io.edgestudio.dsl.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.generator.SolutionLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edge generate}: files written, validation errors as path:line:col lines, exit codes. */
class EdgeGenerateTest {

	private static SolutionLoader loader;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void createLoader() {
		loader = new SolutionLoader();
	}

	@Test
	void writesReleaseAndDebugManifestsForEachPlatform(@TempDir Path dir) throws IOException {
		Path solution = Files.writeString(dir.resolve("s.edge"), "solution S { platform arm64v8 }\nmodule M { image \"m:1\" }\n");
		Path config = dir.resolve("out");
		int code = run(solution.toString(), "--out", config.toString(), "--platform", "amd64", "--platform", "arm64v8");
		assertThat(code).as(err.toString()).isZero();
		assertThat(config).isDirectoryContaining("glob:**/deployment.amd64.json").isDirectoryContaining("glob:**/deployment.debug.arm64v8.json");
		assertThat(Files.list(config).count()).isEqualTo(4);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(4);
	}

	@Test
	void defaultOutputIsConfigBesideTheSolution(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("s.edge"), "solution S { }\n");
		assertThat(run(dir.toString())).as(err.toString()).isZero();
		assertThat(dir.resolve("config/deployment.amd64.json")).exists();
		assertThat(dir.resolve("config/deployment.debug.amd64.json")).exists();
	}

	@Test
	void skeletonsAreWrittenToModulesBesideTheSolutionOnlyWhenAsked(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("s.edge"), "solution S { }\nmodule Echo java { input in output out }\nmodule Other { image \"o:1\" }\n"
				+ "module Py python { input in }\nmodule Sharp csharp { output out }\n");
		assertThat(run(dir.toString())).as(err.toString()).isZero();
		assertThat(dir.resolve("modules")).doesNotExist();
		assertThat(run(dir.toString(), "--skeletons")).as(err.toString()).isZero();
		assertThat(dir.resolve("modules/Echo/pom.xml")).isRegularFile();
		assertThat(dir.resolve("modules/Echo/src/main/java/echo/EchoHandler.java")).isRegularFile();
		assertThat(dir.resolve("modules/Other")).doesNotExist();
		assertThat(dir.resolve("modules/Py/handler.py")).isRegularFile();
		assertThat(dir.resolve("modules/Sharp/Sharp.csproj")).isRegularFile();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("EchoModule.java");
	}

	@Test
	void modulesOptionChoosesTheSkeletonDirectory(@TempDir Path dir) throws IOException {
		Path solution = Files.writeString(dir.resolve("s.edge"), "solution S { }\nmodule Echo java { input in output out }\n");
		assertThat(run(solution.toString(), "--modules", dir.resolve("elsewhere").toString())).as(err.toString()).isZero();
		assertThat(dir.resolve("elsewhere/Echo/module.json")).isRegularFile();
		assertThat(run(solution.toString(), "--modules")).isEqualTo(EdgeGenerate.USAGE);
	}

	@Test
	void validationErrorsArePrintedWithPositionAndExitOne(@TempDir Path dir) throws IOException {
		Path solution = Files.writeString(dir.resolve("bad.edge"), "solution S { }\nroute R: Missing.out -> $upstream\n");
		assertThat(run(solution.toString(), "--out", dir.resolve("out").toString())).isEqualTo(EdgeGenerate.ERRORS);
		assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
				.isNotEmpty().allMatch(line -> line.matches(".*bad\\.edge:\\d+:\\d+: error: .+"));
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void badArgumentsExitTwo(@TempDir Path dir) {
		assertThat(run()).isEqualTo(EdgeGenerate.USAGE);
		assertThat(run(dir.resolve("nope.edge").toString())).isEqualTo(EdgeGenerate.USAGE);
		assertThat(run(dir.toString(), "--platform", "sparc")).isEqualTo(EdgeGenerate.USAGE);
		assertThat(run(dir.toString(), "--out")).isEqualTo(EdgeGenerate.USAGE);
	}

	private int run(String... args) {
		return new EdgeGenerate(() -> loader).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}
}
