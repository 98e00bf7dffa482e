package io.edgestudio.dsl.generator;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Registry;
import io.edgestudio.dsl.edge.Solution;
import java.util.Locale;

/**
 * Image names of modules. A module with an {@code image} runs it unchanged. A module built from
 * source (a language and no image) runs the image the VS Code tooling would build and name for it,
 * here written out instead of as the {@code ${MODULES.<name>}} placeholder because the generated file is
 * a final manifest: {@code <registry>/<lowercase name>:<version>-<platform>}, with {@code .debug}
 * appended in debug manifests; the registry is the solution's first one, else {@code localhost:5000},
 * the version the module's, else {@code 0.0.1}, as in the tooling's {@code module.json}.
 */
public final class ModuleImages {

	/** Registry of module images when the solution names none (the VS Code tooling's default). */
	public static final String DEFAULT_REGISTRY = "localhost:5000";
	/** Tag version of module images when the module has no version. */
	public static final String DEFAULT_VERSION = "0.0.1";

	private ModuleImages() {
	}

	/** The image a module runs in a manifest variant. */
	public static String of(Module module, Solution solution, Variant variant) {
		if (module.getImage() != null) {
			return module.getImage();
		}
		String registry = solution.getRegistries().isEmpty()
				? DEFAULT_REGISTRY : registryAddress(solution.getRegistries().getFirst());
		String version = module.getVersion() == null ? DEFAULT_VERSION : module.getVersion();
		return registry + "/" + module.getName().toLowerCase(Locale.ROOT) + ":" + version + "-"
				+ variant.platform().getLiteral() + (variant.debug() ? ".debug" : "");
	}

	/** Whether a module runs an image built from its source, so debug manifests use its debug build. */
	public static boolean isBuilt(Module module) {
		return module.getImage() == null;
	}

	private static String registryAddress(Registry registry) {
		String address = registry.getAddress();
		return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
	}
}
