package io.edgestudio.dsl.cli;

import com.google.inject.Injector;
import io.edgestudio.dsl.EdgeStandaloneSetup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code edge validate <solution>...}: validates .edge solutions and prints one line per issue,
 * {@code path:line:col: error|warning: message [code]}. Each argument is one solution: a file, or a
 * directory whose .edge files (recursively) are loaded together so that imports resolve.
 * Exit code 0 when there are no errors, 1 when there are, 2 on bad arguments.
 */
public final class EdgeValidate {

	/** Exit code when some solution has errors. */
	public static final int ERRORS = 1;
	/** Exit code when an argument is missing or unreadable. */
	public static final int USAGE = 2;

	private final Injector injector;

	/** A validator with a standalone .edge injector. */
	public EdgeValidate() {
		this(new EdgeStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	/** A validator using the given .edge injector. */
	public EdgeValidate(Injector injector) {
		this.injector = injector;
	}

	public static void main(String[] args) {
		System.exit(new EdgeValidate().run(Arrays.stream(args).map(Path::of).toList(), System.out, System.err));
	}

	/** Validates every solution, printing issues to {@code out}; returns the exit code. */
	public int run(List<Path> solutions, PrintStream out, PrintStream err) {
		if (solutions.isEmpty()) {
			err.println("usage: edge validate <file.edge|solution-dir>...");
			return USAGE;
		}
		boolean errors = false;
		for (Path solution : solutions) {
			if (!Files.exists(solution)) {
				err.println(solution + ": no such file or directory");
				return USAGE;
			}
			List<String> lines = new ArrayList<>();
			errors |= validate(solution, lines);
			lines.forEach(out::println);
		}
		return errors ? ERRORS : 0;
	}

	/** Validates one solution, adding its issue lines; returns whether any issue is an error. */
	public boolean validate(Path solution, List<String> lines) {
		ValidatedSolution validated = ValidatedSolution.load(injector, List.of(solution));
		validated.issues().forEach(issue -> lines.add(issue.format()));
		return validated.issues().stream().anyMatch(ValidatedSolution.FileIssue::isError);
	}
}
