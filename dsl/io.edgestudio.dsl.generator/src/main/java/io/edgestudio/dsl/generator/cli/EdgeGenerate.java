package io.edgestudio.dsl.generator.cli;

import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.generator.DeploymentManifestGenerator;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.GeneratorException;
import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.dsl.generator.csharp.CSharpSkeletonGenerator;
import io.edgestudio.dsl.generator.dtdl.DtdlGenerator;
import io.edgestudio.dsl.generator.java.JavaSkeletonGenerator;
import io.edgestudio.dsl.generator.python.PythonSkeletonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code edge generate <file|dir>... [--out dir] [--platform p]... [--skeletons] [--modules dir]}: loads
 * the arguments as one solution, and when it validates without errors writes {@code deployment.<p>.json}
 * and {@code deployment.debug.<p>.json} into {@code --out} (default: {@code config/} beside the first
 * argument), and one DTDL v3 interface per twin schema into {@code dtdl/} inside it. With {@code --skeletons} (or {@code --modules dir}) it also writes the project of each Java,
 * Python and C# module into {@code --modules} (default: {@code modules/} beside the first argument).
 * Exit code 0 on success, 1 when the solution has errors, 2 on bad arguments.
 */
public final class EdgeGenerate extends SolutionCommand<EdgeGenerate.Options> {

	private static final String USAGE_LINE = "usage: edge generate <file.edge|solution-dir>... [--out dir] [--platform amd64|arm32v7|arm64v8]... [--skeletons] [--modules dir]";

	/** A command with a standalone .edge injector, created on first use. */
	public EdgeGenerate() {
		this(SolutionLoader::new);
	}

	/** A command using the given loader. */
	public EdgeGenerate(Supplier<SolutionLoader> loader) {
		super(USAGE_LINE, loader);
	}

	public static void main(String[] args) {
		System.exit(new EdgeGenerate().run(Arrays.asList(args), System.out, System.err));
	}

	@Override
	Options parse(List<String> args) {
		return Options.parse(args);
	}

	@Override
	int execute(Options options, PrintStream out, PrintStream err) {
		for (Path input : options.inputs()) {
			if (!Files.exists(input)) {
				err.println(input + ": no such file or directory");
				return USAGE;
			}
		}
		return generate(options, out, err);
	}

	/**
	 * The parsed command line; {@code outputDir} and {@code modulesDir} are null when not given, and
	 * skeletons are written when {@code skeletons} is set.
	 */
	record Options(List<Path> inputs, Path outputDir, Set<Platform> platforms, boolean skeletons, Path modulesDir) {

		static Options parse(List<String> args) {
			List<Path> inputs = new ArrayList<>();
			Set<Platform> platforms = EnumSet.noneOf(Platform.class);
			Path outputDir = null;
			Path modulesDir = null;
			boolean skeletons = false;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				if (arg.equals("--out")) {
					outputDir = Path.of(value(args, ++i, arg));
				} else if (arg.equals("--platform")) {
					platforms.add(platform(value(args, ++i, arg)));
				} else if (arg.equals("--skeletons")) {
					skeletons = true;
				} else if (arg.equals("--modules")) {
					modulesDir = Path.of(value(args, ++i, arg));
					skeletons = true;
				} else if (arg.startsWith("-")) {
					throw new IllegalArgumentException("unknown option " + arg);
				} else {
					inputs.add(Path.of(arg));
				}
			}
			if (inputs.isEmpty()) {
				throw new IllegalArgumentException("no solution given");
			}
			return new Options(inputs, outputDir, platforms, skeletons, modulesDir);
		}

		private static Platform platform(String name) {
			Platform platform = Platform.get(name);
			if (platform == null) {
				throw new IllegalArgumentException("unknown platform " + name + "; one of amd64, arm32v7, arm64v8");
			}
			return platform;
		}
	}

	private int generate(Options options, PrintStream out, PrintStream err) {
		List<Path> inputs = options.inputs();
		Path outputDir = options.outputDir() == null ? defaultOutput(inputs.getFirst()) : options.outputDir();
		SolutionLoader.Loaded loaded = loader().load(inputs);
		if (!loaded.errors().isEmpty()) {
			loaded.errors().forEach(err::println);
			return ERRORS;
		}
		try {
			EdgeSolution solution = EdgeSolution.of(loaded.resources());
			new DeploymentManifestGenerator().generate(solution, outputDir, options.platforms()).forEach(out::println);
			new DtdlGenerator().generate(solution, outputDir.resolve("dtdl")).forEach(out::println);
			if (options.skeletons()) {
				Path modulesDir = options.modulesDir() == null ? beside(inputs.getFirst(), "modules") : options.modulesDir();
				new JavaSkeletonGenerator().generate(solution, modulesDir).forEach(out::println);
				new PythonSkeletonGenerator().generate(solution, modulesDir).forEach(out::println);
				new CSharpSkeletonGenerator().generate(solution, modulesDir).forEach(out::println);
			}
			return 0;
		} catch (GeneratorException | IOException e) {
			err.println(inputs.getFirst() + ": error: " + e.getMessage());
			return ERRORS;
		}
	}

	/** {@code config/} in the solution directory, or beside a single file. */
	static Path defaultOutput(Path input) {
		return beside(input, "config");
	}

	/** A directory in the solution directory, or beside a single file. */
	static Path beside(Path input, String name) {
		Path base = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
		return base.resolve(name);
	}
}
