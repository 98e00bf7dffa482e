package io.edgestudio.dsl.tests.ide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.junit.jupiter.api.Test;

/**
 * Semantic tokens through {@code LanguageServerImpl.semanticTokensFull}, with the editor's plain
 * server module.
 */
class SemanticHighlightingTest {

	private static final String TEXT = """
			message Reading { value: double }
			twin Settings { desired rate: int }
			module Sensor { image "s:1" twin Settings output readings: Reading }
			module Sink { image "k:1" input readings: Reading }
			route R: Sensor.readings -> Sink.readings where "$body.value > 1" ttl 5m
			""";

	@Test
	void declarationsReferencesDurationsAndConditions() throws Exception {
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			List<String> tokens = tokens(ls, new SemanticTokensService() {
			}.getTokenTypes());
			assertThat(tokens).containsSubsequence("Reading:type", "Settings:interface", "Sensor:class", "Settings:interface",
					"readings:property", "Reading:type");
			assertThat(tokens).contains("R:function", "Sensor:class", "\"$body.value > 1\":regexp", "5m:number");
		}
	}

	/** "token:type" for each token, decoded from the relative LSP encoding. */
	private static List<String> tokens(InProcessLanguageServer ls, List<String> types) throws Exception {
		String uri = ls.open("tokens.edge", TEXT);
		ls.awaitDiagnostics(uri, d -> true);
		SemanticTokens tokens = InProcessLanguageServer.await(ls.server().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri))));
		Document document = new Document(1, TEXT);
		List<Integer> data = tokens.getData();
		List<String> result = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			int offset = document.getOffSet(new org.eclipse.lsp4j.Position(line, character));
			result.add(TEXT.substring(offset, offset + data.get(i + 2)) + ":" + types.get(data.get(i + 3)));
		}
		return result;
	}
}
