package io.edgestudio.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edgeHub route strings for every source and sink kind, with priority and time to live. */
class RouteStringsTest {

	private static ObjectNode routes;

	@BeforeAll
	static void generate(@TempDir Path dir) {
		EdgeSolution edge = TestSolutions.parse(dir, """
				solution S { }
				message M { v: double }
				module A { image "a:1" output o: M output p: M }
				module B { image "b:1" input i: M }
				route One: A.o -> B.i
				route AnyOutput: A.* -> B.i
				route Filtered: A.o -> $upstream where "$body.v >= 60 AND alert = 'true'" priority 3 ttl 5m
				route Modules: * -> $upstream
				route Messages: $messages -> $upstream priority 9
				route Twins: $twinChangeNotifications -> B.i ttl 0
				route Multiline: A.p -> $upstream where "$body.v > 1
				    AND $body.v < 9"
				""");
		routes = EdgeHubSection.routes(edge.routes());
	}

	@Test
	void oneOutputToAModuleInput() {
		assertThat(route("One")).isEqualTo("FROM /messages/modules/A/outputs/o INTO BrokeredEndpoint(\"/modules/B/inputs/i\")");
	}

	@Test
	void anyOutputOfAModule() {
		assertThat(route("AnyOutput")).isEqualTo("FROM /messages/modules/A/outputs/* INTO BrokeredEndpoint(\"/modules/B/inputs/i\")");
	}

	@Test
	void conditionIsCopiedVerbatimBetweenWhereAndInto() {
		assertThat(route("Filtered")).isEqualTo("FROM /messages/modules/A/outputs/o WHERE $body.v >= 60 AND alert = 'true' INTO $upstream");
	}

	@Test
	void allModulesAllMessagesAndTwinChangeNotifications() {
		assertThat(route("Modules")).isEqualTo("FROM /messages/modules/* INTO $upstream");
		assertThat(route("Messages")).isEqualTo("FROM /messages/* INTO $upstream");
		assertThat(route("Twins")).isEqualTo("FROM /twinChangeNotifications INTO BrokeredEndpoint(\"/modules/B/inputs/i\")");
	}

	@Test
	void lineBreaksInAConditionBecomeOneSpace() {
		assertThat(route("Multiline")).isEqualTo("FROM /messages/modules/A/outputs/p WHERE $body.v > 1 AND $body.v < 9 INTO $upstream");
	}

	@Test
	void priorityAndTimeToLiveOnlyWhenGiven() {
		assertThat(routes.get("One").size()).isEqualTo(1);
		assertThat(routes.get("Filtered").get("priority").intValue()).isEqualTo(3);
		assertThat(routes.get("Filtered").get("timeToLiveSecs").longValue()).isEqualTo(300);
		assertThat(routes.get("Messages").get("priority").intValue()).isEqualTo(9);
		assertThat(routes.get("Twins").get("timeToLiveSecs").longValue()).isZero();
	}

	@Test
	void routesKeepDeclarationOrder() {
		assertThat(routes.fieldNames()).toIterable()
				.containsExactly("One", "AnyOutput", "Filtered", "Modules", "Messages", "Twins", "Multiline");
	}

	private static String route(String name) {
		return routes.get(name).get("route").asText();
	}
}
