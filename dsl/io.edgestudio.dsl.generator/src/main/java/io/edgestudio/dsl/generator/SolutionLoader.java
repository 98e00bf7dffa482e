package io.edgestudio.dsl.generator;

import com.google.inject.Injector;
import io.edgestudio.dsl.EdgeStandaloneSetup;
import io.edgestudio.dsl.cli.ValidatedSolution;
import io.edgestudio.dsl.cli.ValidatedSolution.FileIssue;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * Loads the .edge files of one solution into one resource set and validates them, as
 * {@code edge validate} does ({@link ValidatedSolution}): a directory stands for its .edge files, recursively;
 * error lines read {@code path:line:col: error: message [code]}.
 */
public final class SolutionLoader {

	private final Injector injector;

	/** A loader with a standalone .edge injector. */
	public SolutionLoader() {
		this(new EdgeStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	/** A loader using the given .edge injector. */
	public SolutionLoader(Injector injector) {
		this.injector = injector;
	}

	/** The .edge injector this loader uses. */
	public Injector injector() {
		return injector;
	}

	/**
	 * A loaded solution.
	 *
	 * @param resources every .edge file of the solution, links resolved
	 * @param errors one line per validation error, empty when the solution can be generated
	 */
	public record Loaded(XtextResourceSet resources, List<String> errors) {
	}

	/** Loads and validates the .edge files under the given files and directories. */
	public Loaded load(List<Path> paths) {
		ValidatedSolution solution = ValidatedSolution.load(injector, paths);
		List<String> errors = solution.issues().stream().filter(FileIssue::isError).map(FileIssue::format).toList();
		return new Loaded(solution.resources(), errors);
	}
}
