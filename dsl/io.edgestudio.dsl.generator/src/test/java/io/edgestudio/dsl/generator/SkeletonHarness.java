package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.edge.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the tests of the Python and C# skeleton generators share: the thermostat with its Filter module declared in
 * their language, one module's files, the comparison with golden files (run with {@code -Dedge.golden.update=true}
 * to rewrite them, then review the diff), and regeneration that keeps the user's handler.
 */
public final class SkeletonHarness {

	/** Generates the module projects of a solution into a directory, returning the files written. */
	public interface Generation {
		List<Path> generate(Path modulesDir) throws IOException;
	}

	private SkeletonHarness() {
	}

	/** The thermostat example with its Java module Filter declared in {@code language}, parsed in {@code dir}. */
	public static EdgeSolution thermostatWithFilterIn(String language, Path dir) throws IOException {
		String text = Files.readString(TestSolutions.examples().resolve("thermostat/thermostat.edge"))
				.replace("module Filter java", "module Filter " + language);
		Files.createDirectories(dir);
		return TestSolutions.parse(dir, text);
	}

	/** The module of that name. */
	public static Module module(EdgeSolution edge, String name) {
		return edge.modules().stream().filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
	}

	/** A module's files by relative path, as a first generation writes them: the plumbing and the handler. */
	public static SortedMap<String, String> moduleFiles(Map<String, String> plumbing, String handlerPath, String handler) {
		SortedMap<String, String> files = new TreeMap<>(plumbing);
		files.put(handlerPath, handler);
		return files;
	}

	/** Asserts that the files under {@code golden} are exactly {@code files} (relative path to text). */
	public static void assertMatchesGolden(Path golden, SortedMap<String, String> files) throws IOException {
		if (Boolean.getBoolean("edge.golden.update")) {
			for (var file : files.entrySet()) {
				Files.createDirectories(golden.resolve(file.getKey()).getParent());
				Files.writeString(golden.resolve(file.getKey()), file.getValue());
			}
		}
		try (Stream<Path> walk = Files.walk(golden)) {
			assertThat(walk.filter(Files::isRegularFile).map(p -> golden.relativize(p).toString()).sorted().toList())
					.containsExactlyElementsOf(files.keySet());
		}
		for (var file : files.entrySet()) {
			assertThat(file.getValue()).as(file.getKey()).isEqualTo(Files.readString(golden.resolve(file.getKey())));
		}
	}

	/**
	 * Generates into {@code dir}, edits the handler and a plumbing file there, and generates again: the handler
	 * keeps the edit, the plumbing file is written anew (it contains {@code regenerated} again).
	 */
	public static void assertRegenerationKeepsHandler(Generation generation, Path dir, String handlerPath,
			String plumbingPath, String regenerated) throws IOException {
		generation.generate(dir);
		Path handler = dir.resolve(handlerPath);
		Path plumbing = dir.resolve(plumbingPath);
		Files.writeString(handler, "edited\n");
		Files.writeString(plumbing, "stale\n");

		generation.generate(dir);

		assertThat(handler).hasContent("edited");
		assertThat(plumbing).content().contains(regenerated);
	}
}
