package io.edgestudio.dsl.cli;

import com.google.inject.Injector;
import io.edgestudio.dsl.EdgeStandaloneSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

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
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		List<Path> files = edgeFiles(solution);
		List<Resource> resources = new ArrayList<>();
		for (Path file : files) {
			resources.add(resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true));
		}
		// Links resolve only once every file is loaded: a file may import from one loaded after it.
		EcoreUtil.resolveAll(resourceSet);
		boolean errors = false;
		for (int i = 0; i < files.size(); i++) {
			for (Issue issue : issuesOf(resources.get(i))) {
				errors |= issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR;
				lines.add(format(files.get(i), issue));
			}
		}
		return errors;
	}

	private static List<Issue> issuesOf(Resource resource) {
		IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
		List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		issues.sort(Comparator.comparing(Issue::getLineNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(Issue::getColumn, Comparator.nullsFirst(Comparator.naturalOrder())));
		return issues;
	}

	/** One issue as {@code path:line:col: severity: message [code]}. */
	static String format(Path file, Issue issue) {
		String severity = issue.getSeverity().name().toLowerCase();
		String message = issue.getMessage().replaceAll("\\s*\\R\\s*", " ");
		String code = issue.getCode() == null ? "" : " [" + issue.getCode() + "]";
		return file + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": " + severity + ": " + message + code;
	}

	private static List<Path> edgeFiles(Path solution) {
		if (!Files.isDirectory(solution)) {
			return List.of(solution);
		}
		try (Stream<Path> walk = Files.walk(solution)) {
			return walk.filter(p -> p.toString().endsWith(".edge") && Files.isRegularFile(p)).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
