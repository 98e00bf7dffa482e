package io.edgestudio.dsl.generator.cli;

import io.edgestudio.dsl.generator.SolutionLoader;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the commands that load a solution ({@code edge generate}, {@code edge import}) share: their exit codes, the
 * loader they validate with (asked for only when a run needs it: the .edge injector is slow to create), and bad
 * arguments, which print their message and the usage line to {@code err} and exit with {@link #USAGE}.
 *
 * @param <O> the parsed command line
 */
public abstract class SolutionCommand<O> {

	/** Exit code when the input has errors or the command cannot complete. */
	public static final int ERRORS = 1;
	/** Exit code on bad arguments. */
	public static final int USAGE = 2;

	private final String usageLine;
	private final Supplier<SolutionLoader> loader;

	SolutionCommand(String usageLine, Supplier<SolutionLoader> loader) {
		this.usageLine = usageLine;
		this.loader = loader;
	}

	/** Runs the command, printing what it wrote to {@code out} and warnings and errors to {@code err}; returns the exit code. */
	public final int run(List<String> args, PrintStream out, PrintStream err) {
		O options;
		try {
			options = parse(args);
		} catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(usageLine);
			return USAGE;
		}
		return execute(options, out, err);
	}

	/** The parsed command line; throws {@link IllegalArgumentException} with the message for the user. */
	abstract O parse(List<String> args);

	/** Runs the command on a parsed command line; returns the exit code. */
	abstract int execute(O options, PrintStream out, PrintStream err);

	/** A loader from the supplier the command was made with. */
	SolutionLoader loader() {
		return loader.get();
	}

	/** The value of the option at {@code index - 1}, which must be there. */
	static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(index);
	}
}
