package io.edgestudio.dsl.generator;

import com.google.inject.Injector;
import io.edgestudio.dsl.EdgeStandaloneSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;

/**
 * Loads the .edge files of one solution into one resource set and validates them, as
 * {@code edge validate} does: a directory stands for its .edge files, recursively; error lines read
 * {@code path:line:col: error: message [code]}.
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
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		List<Path> files = paths.stream().flatMap(SolutionLoader::edgeFiles).distinct().toList();
		List<Resource> resources = new ArrayList<>();
		for (Path file : files) {
			resources.add(resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true));
		}
		// Links resolve only once every file is loaded: a file may import from one loaded after it.
		EcoreUtil.resolveAll(resourceSet);
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			for (Issue issue : errorsOf(resources.get(i))) {
				errors.add(files.get(i) + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": error: "
						+ issue.getMessage().replaceAll("\\s*\\R\\s*", " ")
						+ (issue.getCode() == null ? "" : " [" + issue.getCode() + "]"));
			}
		}
		return new Loaded(resourceSet, errors);
	}

	private static List<Issue> errorsOf(Resource resource) {
		List<Issue> issues = new ArrayList<>(((XtextResource) resource).getResourceServiceProvider().getResourceValidator()
				.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		issues.removeIf(issue -> issue.getSeverity() != Severity.ERROR);
		issues.sort(Comparator.comparing(Issue::getLineNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(Issue::getColumn, Comparator.nullsFirst(Comparator.naturalOrder())));
		return issues;
	}

	private static Stream<Path> edgeFiles(Path path) {
		if (!Files.isDirectory(path)) {
			return Stream.of(path);
		}
		try (Stream<Path> walk = Files.walk(path)) {
			return walk.filter(p -> p.toString().endsWith(".edge") && Files.isRegularFile(p)).sorted().toList().stream();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
