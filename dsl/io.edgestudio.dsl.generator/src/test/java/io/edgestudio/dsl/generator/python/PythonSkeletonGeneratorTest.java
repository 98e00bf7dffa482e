package io.edgestudio.dsl.generator.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SkeletonHarness;
import io.edgestudio.dsl.generator.TestSolutions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python skeletons: golden files of the thermostat's filter written in Python, byte-compiled by the machine's
 * python3, a generated module driven with a recording hub (typed dispatch, send, desired patch reported back), and
 * a handler that is never overwritten.
 */
class PythonSkeletonGeneratorTest {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/python/Filter");

	private final PythonSkeletonGenerator generator = new PythonSkeletonGenerator();

	/** The thermostat example with Filter declared in Python. */
	static EdgeSolution thermostat(Path dir) throws IOException {
		return SkeletonHarness.thermostatWithFilterIn("python", dir);
	}

	@Test
	void filterMatchesTheGoldenFiles(@TempDir Path dir) throws IOException {
		EdgeSolution edge = thermostat(dir);
		Module filter = SkeletonHarness.module(edge, "Filter");
		SkeletonHarness.assertMatchesGolden(GOLDEN,
				SkeletonHarness.moduleFiles(generator.plumbing(edge, filter), generator.handlerPath(filter), generator.handler(filter)));
	}

	@Test
	void everyExamplesPythonModuleCompiles(@TempDir Path dir) throws Exception {
		List<Path> written = new ArrayList<>(generator.generate(thermostat(dir.resolve("t")), dir.resolve("thermostat")));
		for (Path example : TestSolutions.exampleDirs()) {
			written.addAll(generator.generate(TestSolutions.load(example), dir.resolve(example.getFileName())));
		}
		List<String> sources = written.stream().filter(p -> p.toString().endsWith(".py")).map(Path::toString).toList();
		assertThat(sources).hasSizeGreaterThan(10);
		List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
		command.addAll(sources);
		assertThat(run(dir, command)).isEmpty();
	}

	@Test
	void generatedModuleDispatchesTypedMessagesAndReportsDesiredProperties(@TempDir Path dir) throws Exception {
		generator.generate(thermostat(dir.resolve("t")), dir);
		Path script = Files.writeString(dir.resolve("Filter/check.py"), """
				import asyncio, json
				from module import FilterModule
				from handler import FilterHandler
				from messages import Telemetry

				class RecordingHub:
				    def __init__(self):
				        self.sent, self.reported = [], []
				    async def send(self, output, body):
				        self.sent.append((output, json.loads(body)))
				    async def report(self, properties):
				        self.reported.append(properties)

				async def main():
				    hub = RecordingHub()
				    module = FilterModule(hub)
				    module.handler = FilterHandler(module)
				    body = {"machine": {"temperature": 30.5, "pressure": 1.2}, "ambient": {"temperature": 21.0, "humidity": 40},
				            "timeCreated": "2026-11-23T10:00:00+00:00"}
				    assert await module.dispatch("input1", json.dumps(body))
				    assert hub.sent == [("output1", body)], hub.sent
				    assert isinstance(Telemetry.from_dict(body).machine.temperature, float)
				    assert not await module.dispatch("nope", "{}")
				    assert module.desired.TemperatureThreshold == 25
				    await module.apply_desired({"TemperatureThreshold": 30, "$version": 2})
				    assert module.desired.TemperatureThreshold == 30
				    assert hub.reported == [{"TemperatureThreshold": 30}], hub.reported
				    print("ok")

				asyncio.run(main())
				""");
		assertThat(run(script.getParent(), List.of("python3", script.toString()))).isEqualTo("ok\n");
	}

	@Test
	void theHandlerIsWrittenOnceAndPlumbingRegenerated(@TempDir Path dir) throws Exception {
		EdgeSolution edge = thermostat(dir.resolve("t"));
		SkeletonHarness.assertRegenerationKeepsHandler(out -> generator.generate(edge, out), dir, "Filter/handler.py",
				"Filter/module.py", "class FilterModule");
	}

	private static String run(Path dir, List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("timed out: " + command);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}
}
