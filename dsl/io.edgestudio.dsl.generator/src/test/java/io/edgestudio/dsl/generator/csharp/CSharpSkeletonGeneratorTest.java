package io.edgestudio.dsl.generator.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SkeletonHarness;
import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * C# skeletons: golden files of the thermostat's filter written in C#, structural checks of every C# module of the
 * examples (the machine has no .NET SDK to compile them), and a handler that is never overwritten.
 */
class CSharpSkeletonGeneratorTest {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/csharp/Filter");

	private final CSharpSkeletonGenerator generator = new CSharpSkeletonGenerator();

	@Test
	void filterMatchesTheGoldenFiles(@TempDir Path dir) throws IOException {
		EdgeSolution edge = SkeletonHarness.thermostatWithFilterIn("csharp", dir);
		Module filter = SkeletonHarness.module(edge, "Filter");
		SkeletonHarness.assertMatchesGolden(GOLDEN, files(edge, filter));
	}

	@Test
	void everyCSharpModuleOfTheExamplesIsWiredPerPort() throws IOException {
		for (Path example : TestSolutions.exampleDirs()) {
			EdgeSolution edge = TestSolutions.load(example);
			for (Module module : generator.csharpModules(edge)) {
				Map<String, String> files = files(edge, module);
				String name = CSharpPlumbing.name(module);
				for (var file : files.entrySet()) {
					if (file.getKey().endsWith(".cs")) {
						assertThat(count(file.getValue(), '{')).as(file.getKey() + " braces").isEqualTo(count(file.getValue(), '}'));
						assertThat(count(file.getValue(), '(')).as(file.getKey() + " parentheses").isEqualTo(count(file.getValue(), ')'));
						assertThat(file.getValue()).as(file.getKey()).contains("namespace " + name + ";");
					}
				}
				for (Port port : module.getPorts()) {
					String pascal = CSharpTypes.pascal(port.getName());
					if (port.getDirection() == PortDirection.INPUT) {
						assertThat(files.get("Program.cs")).contains("SetInputMessageHandlerAsync(\"" + port.getName() + "\"");
						assertThat(files.get("I" + name + "Inputs.cs")).contains("Task On" + pascal + "Async(");
						assertThat(files.get(name + "Handler.cs")).contains("public Task On" + pascal + "Async(");
					} else {
						assertThat(files.get(name + "Module.cs")).contains("public Task Send" + pascal + "Async(");
					}
				}
				assertThat(files).containsKeys("Dockerfile.amd64", "Dockerfile.arm32v7.debug", "Dockerfile.arm64v8", name + ".csproj");
				assertThat(files.get("module.json")).contains("\"language\": \"csharp\"").contains("\"arm32v7.debug\": \"./Dockerfile.arm32v7.debug\"");
			}
		}
	}

	@Test
	void theHandlerIsWrittenOnceAndPlumbingRegenerated(@TempDir Path dir) throws Exception {
		EdgeSolution edge = SkeletonHarness.thermostatWithFilterIn("csharp", dir.resolve("t"));
		SkeletonHarness.assertRegenerationKeepsHandler(out -> generator.generate(edge, out), dir, "Filter/FilterHandler.cs",
				"Filter/Program.cs", "CreateFromEnvironmentAsync");
	}

	private SortedMap<String, String> files(EdgeSolution edge, Module module) {
		return SkeletonHarness.moduleFiles(generator.plumbing(edge, module), generator.handlerPath(module), generator.handler(module));
	}

	private static long count(String text, char c) {
		return text.chars().filter(ch -> ch == c).count();
	}
}
