package io.edgestudio.dsl.generator;

import io.edgestudio.dsl.edge.Platform;

/**
 * One manifest to generate: a target platform, release or debug.
 *
 * @param platform the platform whose images the manifest names
 * @param debug whether modules built from source run their debug images
 */
public record Variant(Platform platform, boolean debug) {

	/** The manifest's file name, {@code deployment.amd64.json} or {@code deployment.debug.amd64.json}. */
	public String fileName() {
		return "deployment." + (debug ? "debug." : "") + platform.getLiteral() + ".json";
	}
}
