package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SINK;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SOURCE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE;

import com.google.inject.Inject;
import io.edgestudio.dsl.validation.IssueCodes;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class RouteValidationTest {

	private static final String MODULES = """
			enum Level { low, high }
			message Reading { t: double level: Level unit: string? }
			message Wide { t: double level: Level unit: string extra: int }
			message Other { t: string level: Level }
			message Narrow { t: double level: Level }
			module Sensor python { output readings: Reading output wide: Wide output other: Other input config: Reading }
			module Sink python { input readings: Reading input narrow: Narrow output out: Reading }
			""";

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void priorityIsZeroToNine() throws Exception {
		validation.assertError(files.parseOne("route R: * -> $upstream priority 10"), ROUTE, IssueCodes.INVALID_PRIORITY, "between 0");
		validation.assertNoIssue(files.parseOne("route R: * -> $upstream priority 9"), ROUTE, IssueCodes.INVALID_PRIORITY);
	}

	@Test
	void ttlFitsUint32() throws Exception {
		validation.assertError(files.parseOne("route R: * -> $upstream ttl 4294967296"), ROUTE, IssueCodes.INVALID_TTL);
		validation.assertNoIssue(files.parseOne("route R: * -> $upstream ttl 0"), ROUTE, IssueCodes.INVALID_TTL);
	}

	@Test
	void sourceIsAnOutput() throws Exception {
		validation.assertError(files.parseOne(MODULES + "route R: Sensor.config -> $upstream"), MODULE_SOURCE, IssueCodes.SOURCE_IS_INPUT,
				"'config' is an input of 'Sensor'");
		validation.assertNoIssue(files.parseOne(MODULES + "route R: Sensor.readings -> $upstream"), MODULE_SOURCE, IssueCodes.SOURCE_IS_INPUT);
	}

	@Test
	void sinkIsAnInput() throws Exception {
		validation.assertError(files.parseOne(MODULES + "route R: Sensor.readings -> Sink.out"), MODULE_SINK, IssueCodes.SINK_IS_OUTPUT,
				"'out' is an output of 'Sink'");
		validation.assertNoIssue(files.parseOne(MODULES + "route R: Sensor.readings -> Sink.readings"), MODULE_SINK, IssueCodes.SINK_IS_OUTPUT);
	}

	@Test
	void incompatibleMessageTypesAreErrors() throws Exception {
		validation.assertError(files.parseOne(MODULES + "route R: Sensor.other -> Sink.readings"), ROUTE,
				IssueCodes.INCOMPATIBLE_MESSAGE_TYPE, "'other' sends Other but 'readings' reads Reading, whose field 't'");
	}

	@Test
	void structurallyCompatibleMessagesFit() throws Exception {
		// Same type; a wider message with every required field; optional fields may be missing.
		for (String route : new String[] { "Sensor.readings -> Sink.readings", "Sensor.wide -> Sink.narrow", "Sensor.wide -> Sink.readings",
				"Sensor.readings -> Sink.narrow" }) {
			validation.assertNoIssue(files.parseOne(MODULES + "route R: " + route), ROUTE, IssueCodes.INCOMPATIBLE_MESSAGE_TYPE);
		}
	}

	@Test
	void wildcardSourcesAndUpstreamAreNotTyped() throws Exception {
		validation.assertNoIssue(files.parseOne(MODULES + "route R: Sensor.* -> Sink.narrow route S: Sensor.other -> $upstream"),
				ROUTE, IssueCodes.INCOMPATIBLE_MESSAGE_TYPE);
	}

	@Test
	void edgeHubRouteStringsAreParsedWithErrorsInsideTheString() throws Exception {
		var model = files.parseOne("route R: \"FROM /* WHERE $connectionDeviceId = 'leaf' INTO BrokeredEndpoint(\\\"/modules/m/inputs/i\\\")\" priority 1");
		validation.assertNoErrors(model);
		String broken = "route R: \"FROM /messages/* INTO $downstream\"";
		validation.assertError(files.parseOne(broken), ROUTE, IssueCodes.INVALID_ROUTE, broken.indexOf("$downstream"), "$downstream".length(),
				"not supported");
	}

	@Test
	void edgeHubRouteStringsAreComparedForDuplicates() throws Exception {
		validation.assertWarning(files.parseOne("""
				route A: "FROM /* INTO $upstream"
				route B: "FROM /* INTO $upstream"
				"""), ROUTE, IssueCodes.DUPLICATE_ROUTE);
		validation.assertNoIssue(files.parseOne("""
				route A: "FROM /* INTO $upstream"
				route B: "FROM /messages/modules/m/* INTO $upstream"
				"""), ROUTE, IssueCodes.DUPLICATE_ROUTE);
	}
}
