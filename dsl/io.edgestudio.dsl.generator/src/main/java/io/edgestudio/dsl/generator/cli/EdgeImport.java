package io.edgestudio.dsl.generator.cli;

import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.dsl.generator.importer.ImportException;
import io.edgestudio.dsl.generator.importer.ImportWarning;
import io.edgestudio.dsl.generator.importer.ManifestImporter;
import io.edgestudio.dsl.generator.importer.RoundTrip;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code edge import <manifest.json> [--out dir] [--name Solution] [--force]}: writes the .edge solution equivalent
 * to a deployment manifest or deployment.template.json ({@code <name>.edge} in {@code --out}, default the manifest's
 * directory, where {@code <name>} is the manifest's file name without {@code .json} and {@code .template}). It prints
 * {@code <manifest>:<json-pointer>: warning|note: ...} for what the solution does not carry as it was, then validates
 * the new file, generates its manifest and reports any further difference from the original.
 * Exit code 0 on success (warnings allowed), 1 when the manifest cannot be imported or the result has errors,
 * 2 on bad arguments.
 */
public final class EdgeImport extends SolutionCommand<EdgeImport.Options> {

	private static final String USAGE_LINE = "usage: edge import <deployment.json|deployment.template.json> [--out dir] [--name Solution] [--force]";

	/** A command with a standalone .edge injector, created when the result is checked. */
	public EdgeImport() {
		this(SolutionLoader::new);
	}

	/** A command using the given loader. */
	public EdgeImport(Supplier<SolutionLoader> loader) {
		super(USAGE_LINE, loader);
	}

	public static void main(String[] args) {
		System.exit(new EdgeImport().run(Arrays.asList(args), System.out, System.err));
	}

	@Override
	Options parse(List<String> args) {
		return Options.parse(args);
	}

	/** The parsed command line; {@code out} and {@code name} are null when not given. */
	record Options(Path manifest, Path out, String name, boolean force) {

		static Options parse(List<String> args) {
			Path manifest = null;
			Path out = null;
			String name = null;
			boolean force = false;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				switch (arg) {
					case "--out", "-o" -> out = Path.of(value(args, ++i, arg));
					case "--name" -> name = value(args, ++i, arg);
					case "--force" -> force = true;
					default -> {
						if (arg.startsWith("-")) {
							throw new IllegalArgumentException("unknown option " + arg);
						}
						if (manifest != null) {
							throw new IllegalArgumentException("one manifest at a time");
						}
						manifest = Path.of(arg);
					}
				}
			}
			if (manifest == null) {
				throw new IllegalArgumentException("no manifest given");
			}
			if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				throw new IllegalArgumentException("--name must be an identifier (letters, digits, '_')");
			}
			return new Options(manifest, out, name, force);
		}
	}

	@Override
	int execute(Options options, PrintStream out, PrintStream err) {
		Path manifest = options.manifest();
		if (!Files.isRegularFile(manifest)) {
			err.println(manifest + ": no such file");
			return USAGE;
		}
		Path absolute = manifest.toAbsolutePath().normalize();
		Path target = (options.out() == null ? absolute.getParent() : options.out()).resolve(fileName(absolute));
		if (Files.exists(target) && !options.force()) {
			err.println(target + ": already exists; use --force to overwrite it");
			return ERRORS;
		}
		try {
			String json = Files.readString(manifest, StandardCharsets.UTF_8);
			String name = options.name() != null ? options.name()
					: ManifestImporter.solutionName(absolute.getFileName().toString(),
							absolute.getParent() == null ? null : absolute.getParent().getFileName().toString());
			ManifestImporter.Result result = new ManifestImporter().importManifest(json, name, absolute.getFileName().toString());
			Files.createDirectories(target.toAbsolutePath().getParent());
			Files.writeString(target, result.text(), StandardCharsets.UTF_8);
			result.warnings().forEach(w -> err.println(w.format(manifest.toString())));
			out.println(target);
			return check(target, json, result.warnings(), manifest, err);
		} catch (ImportException e) {
			err.println(e.format(manifest.toString()));
			return ERRORS;
		} catch (IOException e) {
			err.println(manifest + ": error: " + e.getMessage());
			return ERRORS;
		}
	}

	private int check(Path target, String json, List<ImportWarning> warnings, Path manifest, PrintStream err) {
		RoundTrip.Outcome outcome = RoundTrip.check(loader(), target, json, warnings);
		outcome.errors().forEach(err::println);
		outcome.differences().forEach(d -> err.println(manifest + ":" + d.pointer() + ": warning: the manifest generated from "
				+ target.getFileName() + " differs: " + d.description()));
		return outcome.errors().isEmpty() ? 0 : ERRORS;
	}

	/** {@code deployment.template.json} gives {@code deployment.edge}. */
	static String fileName(Path manifest) {
		String name = manifest.getFileName().toString().replaceFirst("(?i)\\.json$", "").replaceFirst("(?i)\\.template$", "");
		return (name.isEmpty() ? "solution" : name) + ".edge";
	}
}
