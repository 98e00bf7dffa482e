package io.edgestudio.dsl.generator.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.generator.DeploymentManifestGenerator;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.dsl.generator.Variant;
import io.edgestudio.dsl.generator.importer.ManifestComparison.Difference;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an imported .edge file the way a user would use it: loads and validates it, generates its release
 * manifest and compares that with the original, leaving out differences the import already warned about.
 */
public final class RoundTrip {

	/**
	 * The outcome.
	 *
	 * @param errors validation errors of the .edge file ({@code path:line:col: error: ...}); no manifest is generated when there are any
	 * @param differences differences from the original manifest that no warning explains
	 */
	public record Outcome(List<String> errors, List<Difference> differences) {
	}

	private RoundTrip() {
	}

	/** Loads {@code edgeFile} with {@code loader}, generates and compares with {@code original}. */
	public static Outcome check(SolutionLoader loader, Path edgeFile, String originalJson, List<ImportWarning> warnings) {
		SolutionLoader.Loaded loaded = loader.load(List.of(edgeFile));
		if (!loaded.errors().isEmpty()) {
			return new Outcome(loaded.errors(), List.of());
		}
		JsonNode generated = new DeploymentManifestGenerator().manifest(EdgeSolution.of(loaded.resources()), new Variant(Platform.AMD64, false));
		JsonNode original = ManifestParser.parse(originalJson, "");
		List<Difference> unexplained = ManifestComparison.compare(original, generated).stream()
				.filter(d -> warnings.stream().noneMatch(w -> explains(w, d.pointer())))
				.toList();
		return new Outcome(List.of(), unexplained);
	}

	/** Whether a warning is about the value at {@code pointer}, inside it or around it. */
	static boolean explains(ImportWarning warning, String pointer) {
		String warned = warning.pointer().startsWith("/content/") ? warning.pointer().substring("/content".length()) : warning.pointer();
		if (related(warned, pointer)) {
			return true;
		}
		return warning.covers().stream().anyMatch(c -> related(c.startsWith("/content/") ? c.substring("/content".length()) : c, pointer));
	}

	private static boolean related(String a, String b) {
		return a.equals(b) || b.startsWith(a + "/") || a.startsWith(b + "/");
	}
}
