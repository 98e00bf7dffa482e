package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * Generates IoT Edge deployment manifests ({@code deployment.<platform>.json} and
 * {@code deployment.debug.<platform>.json}) from a validated .edge solution: {@code $edgeAgent},
 * {@code $edgeHub} and one {@code properties.desired} section per module with a twin. The output is
 * a pure function of the solution, so regenerating an unchanged solution changes no byte.
 */
public class DeploymentManifestGenerator {

	/** The manifest of a solution for one variant. */
	public ObjectNode manifest(EdgeSolution edge, Variant variant) {
		ObjectNode manifest = ManifestJson.object();
		ObjectNode content = manifest.putObject("modulesContent");
		content.putObject("$edgeAgent").set("properties.desired", EdgeAgentSection.of(edge, variant));
		content.putObject("$edgeHub").set("properties.desired", EdgeHubSection.of(edge));
		for (Module module : edge.modules()) {
			if (module.getTwin() != null) {
				content.putObject(module.getName()).set("properties.desired", TwinDefaults.of(module.getTwin()));
			}
		}
		return manifest;
	}

	/** The manifest text of a solution for one variant. */
	public String manifestText(EdgeSolution edge, Variant variant) {
		return ManifestJson.write(manifest(edge, variant));
	}

	/** Writes release and debug manifests of a resource set's solution; see {@link #generate(EdgeSolution, Path, Set)}. */
	public List<Path> generate(ResourceSet resources, Path outputDir, Set<Platform> platforms) throws IOException {
		return generate(EdgeSolution.of(resources), outputDir, platforms);
	}

	/**
	 * Writes {@code deployment.<p>.json} and {@code deployment.debug.<p>.json} into {@code outputDir}
	 * for each platform (the solution's own platform when the set is empty); returns the files written.
	 * A file whose content is unchanged is not rewritten.
	 */
	public List<Path> generate(EdgeSolution edge, Path outputDir, Set<Platform> platforms) throws IOException {
		Set<Platform> targets = new TreeSet<>(platforms);
		if (targets.isEmpty()) {
			targets.add(edge.solution().getPlatform());
		}
		Files.createDirectories(outputDir);
		List<Path> written = new ArrayList<>();
		for (Platform platform : targets) {
			for (boolean debug : new boolean[] {false, true}) {
				Variant variant = new Variant(platform, debug);
				written.add(write(outputDir.resolve(variant.fileName()), manifestText(edge, variant)));
			}
		}
		return written;
	}

	private static Path write(Path file, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
			Files.write(file, bytes);
		}
		return file;
	}
}
