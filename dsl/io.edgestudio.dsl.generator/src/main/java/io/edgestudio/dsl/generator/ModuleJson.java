package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.edge.Solution;
import java.util.Locale;

/**
 * The VS Code tooling's {@code module.json} of a module built from source: {@code $schema-version} 0.0.1, the image
 * repository the manifests name ({@link ModuleImages}), the tag version, one Dockerfile per platform and debug
 * variant ({@code amd64}, {@code amd64.debug}, {@code arm32v7}, ...), build options, context path and language.
 */
public final class ModuleJson {

	private ModuleJson() {
	}

	/** The module.json text of a module in a language ({@code java}, {@code python}, {@code csharp}). */
	public static String of(Module module, Solution solution, String language) {
		String registry = solution.getRegistries().isEmpty() ? ModuleImages.DEFAULT_REGISTRY
				: solution.getRegistries().getFirst().getAddress().replaceAll("/$", "");
		ObjectNode root = ManifestJson.object();
		root.put("$schema-version", "0.0.1");
		root.put("description", module.getDescription() == null ? "" : module.getDescription());
		ObjectNode image = root.putObject("image");
		image.put("repository", registry + "/" + module.getName().toLowerCase(Locale.ROOT));
		ObjectNode tag = image.putObject("tag");
		tag.put("version", module.getVersion() == null ? ModuleImages.DEFAULT_VERSION : module.getVersion());
		ObjectNode platforms = tag.putObject("platforms");
		for (Platform platform : Platform.VALUES) {
			platforms.put(platform.getLiteral(), "./Dockerfile." + platform.getLiteral());
			platforms.put(platform.getLiteral() + ".debug", "./Dockerfile." + platform.getLiteral() + ".debug");
		}
		image.putArray("buildOptions");
		image.put("contextPath", "./");
		root.put("language", language);
		return ManifestJson.write(root);
	}
}
