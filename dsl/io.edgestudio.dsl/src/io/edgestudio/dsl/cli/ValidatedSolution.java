package io.edgestudio.dsl.cli;

import com.google.inject.Injector;
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
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * The .edge files of one solution loaded into one resource set and validated, as {@code edge validate} and the
 * generators read a solution: a directory stands for its .edge files (recursively, in path order), and links
 * resolve across all the files.
 *
 * @param resources every file of the solution, links resolved
 * @param issues every validation issue, file by file in load order, by line and column within a file
 */
public record ValidatedSolution(XtextResourceSet resources, List<FileIssue> issues) {

	/** An issue and the file it is in. */
	public record FileIssue(Path file, Issue issue) {

		/** Whether the issue is an error (not a warning or info). */
		public boolean isError() {
			return issue.getSeverity() == Severity.ERROR;
		}

		/** The issue on one line: {@code path:line:col: severity: message [code]}. */
		public String format() {
			String severity = issue.getSeverity().name().toLowerCase();
			String message = issue.getMessage().replaceAll("\\s*\\R\\s*", " ");
			String code = issue.getCode() == null ? "" : " [" + issue.getCode() + "]";
			return file + ":" + issue.getLineNumber() + ":" + issue.getColumn() + ": " + severity + ": " + message + code;
		}
	}

	/** Loads and validates the .edge files under the given files and directories with a .edge injector. */
	public static ValidatedSolution load(Injector injector, List<Path> paths) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		List<Path> files = paths.stream().flatMap(ValidatedSolution::edgeFiles).distinct().toList();
		List<Resource> resources = new ArrayList<>();
		for (Path file : files) {
			resources.add(resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true));
		}
		// Links resolve only once every file is loaded: a file may import from one loaded after it.
		EcoreUtil.resolveAll(resourceSet);
		List<FileIssue> issues = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			for (Issue issue : issuesOf(resources.get(i))) {
				issues.add(new FileIssue(files.get(i), issue));
			}
		}
		return new ValidatedSolution(resourceSet, List.copyOf(issues));
	}

	private static List<Issue> issuesOf(Resource resource) {
		IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
		List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
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
