package io.edgestudio.dsl.tests.ide;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Hovers through {@code LanguageServerImpl.hover}: routes show their edgeHub string, ports their
 * message type, documentation comments stay.
 */
class HoverTest {

	private static final String TEXT = """
			message Reading { value: double }
			module Sensor { image "s:1" output readings: Reading }
			/** Keeps what matters. */
			module Sink { image "k:1" input readings: Reading }
			route R: Sensor.readings -> Sink.readings where "$body.value > 1"
			""";

	@Test
	void routePortAndDocumentation() throws Exception {
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			String uri = ls.open("hover.edge", TEXT);
			ls.awaitDiagnostics(uri, d -> true);
			assertThat(hover(ls, uri, 4, 6)).contains(
					"FROM /messages/modules/Sensor/outputs/readings WHERE $body.value > 1 INTO BrokeredEndpoint(\"/modules/Sink/inputs/readings\")");
			assertThat(hover(ls, uri, 1, 37)).contains("output `readings`: `Reading`");
			assertThat(hover(ls, uri, 4, 35)).contains("input `readings`: `Reading`");
			assertThat(hover(ls, uri, 3, 8)).contains("Keeps what matters.");
		}
	}

	private static String hover(InProcessLanguageServer ls, String uri, int line, int character) throws Exception {
		Hover hover = InProcessLanguageServer.await(ls.server().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character))));
		return hover.getContents().getRight().getValue();
	}
}
