package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.edge.EnvVar;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.model.CreateOptions;
import io.edgestudio.dsl.model.Json;
import java.util.List;
import java.util.Map;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * One entry of {@code $edgeAgent.properties.desired.modules}: version, type, status, restartPolicy,
 * startupOrder and imagePullPolicy when written, env, and settings (image and chunked createOptions).
 */
public final class ModuleSection {

	/** The module version when the solution gives none, as in the IoT Edge tooling's templates. */
	public static final String DEFAULT_VERSION = "1.0";

	private ModuleSection() {
	}

	/** The manifest entry of a module in a variant. */
	public static ObjectNode of(Module module, Solution solution, Variant variant) {
		ObjectNode node = ManifestJson.object();
		node.put("version", module.getVersion() == null ? DEFAULT_VERSION : module.getVersion());
		node.put("type", "docker");
		node.put("status", module.getStatus().getLiteral());
		node.put("restartPolicy", module.getRestartPolicy().getLiteral());
		if (module.getStartupOrder() != null) {
			node.put("startupOrder", module.getStartupOrder().longValue());
		}
		if (isWritten(module)) {
			node.put("imagePullPolicy", module.getImagePullPolicy().getLiteral());
		}
		ObjectNode env = env(module.getEnv());
		if (DebugSettings.appliesTo(module, variant)) {
			env.putObject(DebugSettings.JDWP_ENV).put("value", DebugSettings.JDWP_OPTIONS);
		}
		if (!env.isEmpty()) {
			node.set("env", env);
		}
		node.set("settings", settings(ModuleImages.of(module, solution, variant), createOptions(module, variant), module.getName()));
		return node;
	}

	/** {@code {NAME: {"value": v}}} for environment variables, in declaration order. */
	public static ObjectNode env(List<EnvVar> variables) {
		ObjectNode env = ManifestJson.object();
		for (EnvVar variable : variables) {
			env.putObject(variable.getName()).set("value", Literals.toJson(variable.getValue()));
		}
		return env;
	}

	/** {@code {"image": ..., "createOptions": ...}} with createOptions split into chunks. */
	public static ObjectNode settings(String image, String createOptions, String module) {
		ObjectNode settings = ManifestJson.object();
		settings.put("image", image);
		CreateOptionsChunks.put(settings, createOptions, module);
		return settings;
	}

	private static String createOptions(Module module, Variant variant) {
		Map<String, Object> options = CreateOptions.of(module);
		if (DebugSettings.appliesTo(module, variant)) {
			DebugSettings.publishJdwpPort(options);
		}
		return Json.write(options);
	}

	/** The pull policy is written only when the solution says it: unset and on-create look alike in the model. */
	private static boolean isWritten(Module module) {
		return !NodeModelUtils.findNodesForFeature(module, EdgePackage.Literals.MODULE__IMAGE_PULL_POLICY).isEmpty();
	}
}
