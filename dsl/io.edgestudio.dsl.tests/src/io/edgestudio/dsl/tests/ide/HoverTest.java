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

	private static final String STRING_ROUTES = """
			solution S {
			    device "d"
			    storeAndForward ttl 2h
			}
			message Reading { value: double }
			module Sensor { image "s:1" output readings: Reading input commands: Reading }
			module Sink { image "k:1" input readings }
			route Str: "FROM /messages/modules/Sensor/outputs/readings WHERE $body.value > 1 INTO BrokeredEndpoint('/modules/Sink/inputs/readings')" priority 3
			route Wide: "FROM /messages/modules/sensor/* INTO $upstream" ttl 10m
			route Foreign: "FROM /messages/modules/Other/outputs/x INTO BrokeredEndpoint('/modules/Sensor/inputs/nope')"
			route Backwards: "FROM /messages/modules/Sensor/outputs/commands INTO BrokeredEndpoint('/modules/Sink/inputs/readings')"
			route Broken: "FROM /messages INTO $downstream"
			""";

	@Test
	void edgeHubRouteStringsShowWhatTheyTakeAndWhereTheyDeliver() throws Exception {
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			String uri = ls.open("strings.edge", STRING_ROUTES);
			ls.awaitDiagnostics(uri, d -> true);
			// over the string itself, not only over the route's name
			String str = hover(ls, uri, 7, 40);
			assertThat(str).contains("edgeHub route, as written:",
					"FROM /messages/modules/Sensor/outputs/readings WHERE $body.value > 1 INTO BrokeredEndpoint('/modules/Sink/inputs/readings')",
					"- from: output `readings` of module `Sensor`: `Reading`",
					"- where: `$body.value > 1`",
					"- into: input `readings` of module `Sink`: any message (untyped)",
					"- priority: 3 (0 is the highest)",
					"- ttl: 7200 s (2h), the solution's store-and-forward ttl");
			assertThat(hover(ls, uri, 8, 8)).contains(
					"- from: every message of module `sensor` (declared as `Sensor`)",
					"- where: no condition (every message)",
					"- into: `$upstream` (IoT Hub)",
					"- priority: none",
					"- ttl: 600 s (10m)");
			assertThat(hover(ls, uri, 9, 8)).contains(
					"- from: output `x` of module `Other` (not in this solution)",
					"- into: input `nope` of module `Sensor` (which has no input `nope`)");
			assertThat(hover(ls, uri, 10, 8)).contains(
					"- from: output `commands` of module `Sensor` (`commands` is an input)");
			assertThat(hover(ls, uri, 11, 8)).contains("edgeHub route string that edgeHub rejects",
					"system endpoint '$downstream' is not supported; use $upstream (column 21)");
		}
	}

	@Test
	void typedRoutesShowPriorityAndTtlToo() throws Exception {
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			String uri = ls.open("typed.edge", TEXT.replace("\"$body.value > 1\"", "\"$body.value > 1\" priority 0 ttl 90"));
			ls.awaitDiagnostics(uri, d -> true);
			// over the target of the route, away from its name
			assertThat(hover(ls, uri, 4, 60)).contains("FROM /messages/modules/Sensor/outputs/readings WHERE",
					"- priority: 0 (the highest)", "- ttl: 90 s");
		}
	}

	private static String hover(InProcessLanguageServer ls, String uri, int line, int character) throws Exception {
		Hover hover = InProcessLanguageServer.await(ls.server().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character))));
		return hover.getContents().getRight().getValue();
	}
}
