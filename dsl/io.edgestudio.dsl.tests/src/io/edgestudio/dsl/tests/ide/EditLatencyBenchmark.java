package io.edgestudio.dsl.tests.ide;

import com.google.inject.Injector;
import io.edgestudio.dsl.ide.EdgeIdeSetup;
import io.edgestudio.dsl.testing.LargeSolutions;
import io.edgestudio.dsl.testing.Latencies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The language's share of a keystroke in the editor, on the {@link LargeSolutions#ring()} the workbench's
 * EditorLatencyBenchmark types into: (1) parse, link and validate of the whole file in-process, and
 * (2) Xtext's {@code LanguageServerImpl}, as the editor runs it, from a changed document to its
 * published diagnostics. Prints the numbers; run on demand:
 * {@code ./mvnw verify -pl dsl/io.edgestudio.dsl.tests -am -Dtest=EditLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class EditLatencyBenchmark {

	private static final int WARMUP = 10;
	private static final int ROUNDS = 20;

	@Test
	void parseLinkValidate() throws Exception {
		String text = LargeSolutions.ring();
		Injector injector = new EdgeIdeSetup().createInjectorAndDoEMFRegistration();
		String broken = breakRoute(text);
		for (int i = 0; i < WARMUP; i++) {
			check(errors(validate(injector, text)), 0L, "clean file");
			check(errors(validate(injector, broken)), 1L, "one error");
		}
		List<Long> clean = new ArrayList<>();
		List<Long> withError = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			clean.add(millis(() -> check(errors(validate(injector, text)), 0L, "clean file")));
			withError.add(millis(() -> check(errors(validate(injector, broken)), 1L, "one error")));
		}
		System.out.printf("EditLatencyBenchmark (in-process): %d lines, %d rounds%n", text.lines().count(), ROUNDS);
		System.out.printf("  parse + link + validate, clean file:      %s%n", Latencies.summary(clean));
		System.out.printf("  parse + link + validate, one wrong input: %s%n", Latencies.summary(withError));
	}

	@Test
	void languageServerChangeToDiagnostics() throws Exception {
		String text = LargeSolutions.ring();
		String broken = breakRoute(text);
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			String uri = ls.open("large.edge", text);
			ls.awaitDiagnostics(uri, d -> errors(d) == 0);
			for (int i = 0; i < WARMUP; i++) {
				ls.change(uri, broken);
				ls.awaitDiagnostics(uri, d -> errors(d) == 1);
				ls.change(uri, text);
				ls.awaitDiagnostics(uri, d -> errors(d) == 0);
			}
			List<Long> shown = new ArrayList<>();
			List<Long> cleared = new ArrayList<>();
			for (int i = 0; i < ROUNDS; i++) {
				shown.add(millis(() -> {
					ls.change(uri, broken);
					return ls.awaitDiagnostics(uri, d -> errors(d) == 1);
				}));
				cleared.add(millis(() -> {
					ls.change(uri, text);
					return ls.awaitDiagnostics(uri, d -> errors(d) == 0);
				}));
			}
			System.out.printf("EditLatencyBenchmark (language server): %d lines, %d rounds%n", text.lines().count(), ROUNDS);
			System.out.printf("  didChange -> error published: %s%n", Latencies.summary(shown));
			System.out.printf("  didChange -> error cleared:   %s%n", Latencies.summary(cleared));
		}
	}

	/** Loads the text as a fresh resource, as the language server does for each change, and validates it. */
	private static List<Issue> validate(Injector injector, String text) throws Exception {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		Resource resource = resourceSet.createResource(URI.createFileURI("/edit-benchmark/large.edge"));
		resource.load(new StringInputStream(text), null);
		EcoreUtil.resolveAll(resource);
		return ((XtextResource) resource).getResourceServiceProvider().getResourceValidator()
				.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	private static long errors(List<?> issues) {
		return issues.stream().filter(i -> i instanceof Issue issue ? issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR
				: ((Diagnostic) i).getSeverity() == DiagnosticSeverity.Error).count();
	}

	private static <T> T check(T actual, T expected, String what) {
		if (!expected.equals(actual)) {
			throw new AssertionError(what + ": expected " + expected + " but was " + actual);
		}
		return actual;
	}

	private static long millis(Callable<?> work) throws Exception {
		long start = System.nanoTime();
		work.call();
		return (System.nanoTime() - start) / 1_000_000;
	}

	/** The edit the workbench benchmark types: the last route's input renamed to one M0 does not have. */
	private static String breakRoute(String text) {
		int input = LargeSolutions.lastRouteInput(text);
		return text.substring(0, input) + "ix" + text.substring(input + 2);
	}
}
