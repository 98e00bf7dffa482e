package io.edgestudio.dsl.tests.ide;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgestudio.dsl.validation.IssueCodes;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quick fixes through {@code LanguageServerImpl.codeAction}: a broken file's published diagnostics
 * get code actions whose edits make the file validate clean.
 */
class CodeActionTest {

	private static final String MODULES = """
			message Reading { value: double }
			module Sensor { image "sensor:1" output readings: Reading }
			module Filter {
				image "filter:1"
				input readings: Reading
				output alerts
			}
			route Up: Filter.alerts -> $upstream
			""";

	private InProcessLanguageServer ls;

	@BeforeEach
	void start() throws Exception {
		ls = new InProcessLanguageServer();
	}

	@AfterEach
	void stop() throws Exception {
		ls.close();
	}

	@Test
	void didYouMeanReplacesUnknownModule() throws Exception {
		String text = MODULES + "route In: Sensr.readings -> Filter.readings\n";
		String fixed = fix(text, Diagnostic_LINKING, "Change to 'Sensor'");
		assertThat(fixed).contains("route In: Sensor.readings -> Filter.readings");
	}

	@Test
	void didYouMeanReplacesUnknownPort() throws Exception {
		String text = MODULES + "route In: Sensor.readings -> Filter.readngs\n";
		assertThat(fix(text, Diagnostic_LINKING, "Change to 'readings'")).contains("-> Filter.readings\n");
	}

	@Test
	void createsMissingInputWithTheSourceType() throws Exception {
		String text = MODULES + "route In: Sensor.readings -> Filter.raw\nroute Raw: Sensor.readings -> Filter.readings\n";
		String fixed = fix(text, Diagnostic_LINKING, "Create input 'raw' on module 'Filter'");
		assertThat(fixed).contains("\toutput alerts\n\tinput raw: Reading\n}");
	}

	@Test
	void createsMissingOutputOnOneLineModule() throws Exception {
		String text = MODULES + "route In: Sensor.values -> Filter.readings\n";
		String fixed = fix(text, Diagnostic_LINKING, "Create output 'values' on module 'Sensor'");
		assertThat(fixed).contains("output readings: Reading output values: Reading }");
	}

	@Test
	void removesDuplicateRoute() throws Exception {
		String text = MODULES + "route In: Sensor.readings -> Filter.readings\nroute Again: Sensor.readings -> Filter.readings\n";
		String fixed = fix(text, IssueCodes.DUPLICATE_ROUTE, "Remove route 'Again'");
		assertThat(fixed).doesNotContain("Again").endsWith("-> Filter.readings\n");
	}

	/** Module and route names from the grammar always match the manifest patterns, so the diagnostic is made up. */
	@Test
	void renamesToValidCharacters() throws Exception {
		String text = MODULES + "route In: Sensor.readings -> Filter.readings\n";
		String uri = ls.open("names.edge", text);
		ls.awaitDiagnostics(uri, List::isEmpty);
		Range name = new Range(new Position(1, 7), new Position(1, 13));
		Diagnostic invalid = new Diagnostic(name, "Module name 'Sensor' is not allowed", DiagnosticSeverity.Error, "edge",
				IssueCodes.INVALID_MODULE_NAME);
		List<CodeAction> actions = actions(uri, List.of(invalid));
		assertThat(actions).extracting(CodeAction::getTitle).containsExactly("Rename to 'Sensor'");
		assertThat(actions.get(0).getEdit().getChanges().get(uri).get(0).getRange()).isEqualTo(name);
	}

	private static final String Diagnostic_LINKING = org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC;

	/** Opens the text, applies the action with this title to the diagnostic with this code, and checks the result is clean. */
	private String fix(String text, String code, String title) throws Exception {
		String uri = ls.open("broken.edge", text);
		List<Diagnostic> diagnostics = ls.awaitDiagnostics(uri, d -> d.stream().anyMatch(x -> code.equals(x.getCode().getLeft())));
		List<CodeAction> actions = actions(uri, diagnostics.stream().filter(d -> code.equals(d.getCode().getLeft())).toList());
		CodeAction action = actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
				.orElseThrow(() -> new AssertionError("no '" + title + "' in " + actions.stream().map(CodeAction::getTitle).toList()));
		assertThat(action.getEdit().getChanges()).containsOnlyKeys(uri);
		String fixed = InProcessLanguageServer.apply(text, action.getEdit().getChanges().get(uri));
		ls.change(uri, fixed);
		ls.awaitDiagnostics(uri, d -> d.stream().noneMatch(x -> x.getSeverity() == DiagnosticSeverity.Error));
		return fixed;
	}

	private List<CodeAction> actions(String uri, List<Diagnostic> diagnostics) throws Exception {
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostics.get(0).getRange(),
				new CodeActionContext(diagnostics));
		List<Either<org.eclipse.lsp4j.Command, CodeAction>> result = InProcessLanguageServer.await(ls.server().codeAction(params));
		return result.stream().map(Either::getRight).toList();
	}
}
