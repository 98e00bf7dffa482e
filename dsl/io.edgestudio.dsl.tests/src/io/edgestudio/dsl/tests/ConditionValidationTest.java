package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.validation.IssueCodes;
import java.util.List;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class ConditionValidationTest {

	private static final String MODULES = """
			message Machine { temperature: double }
			message Telemetry { machine: Machine samples: double[] }
			message Status { state: string }
			module Sensor python { output readings: Telemetry output status: Status output raw }
			""";

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void validConditionsCompile() throws Exception {
		Model model = files.parseOne(MODULES
				+ "route R: Sensor.readings -> $upstream where \"$body.machine.temperature > 30 AND NOT is_defined($x) OR k = 'v'\"");
		validation.assertNoIssue(model, ROUTE, IssueCodes.INVALID_CONDITION);
	}

	@Test
	void errorIsLocatedInsideTheString() throws Exception {
		String text = MODULES + "route R: * -> $upstream where \"temp >> 3\"";
		Issue issue = single(files.parseOne(text), IssueCodes.INVALID_CONDITION);
		int conditionStart = text.indexOf("\"temp") + 1;
		assertThat(issue.getOffset()).isBetween(conditionStart + 5, conditionStart + 7);
		assertThat(issue.getMessage()).startsWith("Condition: ");
	}

	@Test
	void escapesShiftTheLocation() throws Exception {
		String text = "route R: * -> $upstream where \"k = \\\"v\\\" AND nosuchfunction(1)\"";
		Issue issue = single(files.parseOne(text), IssueCodes.INVALID_CONDITION);
		assertThat(issue.getOffset()).isEqualTo(text.indexOf("nosuchfunction"));
	}

	@Test
	void typeErrorsAreConditionErrors() throws Exception {
		validation.assertError(files.parseOne("route R: * -> $upstream where \"key = 3\""), ROUTE, IssueCodes.INVALID_CONDITION);
	}

	@Test
	void unknownBodyFieldsAreWarned() throws Exception {
		String text = MODULES + "route R: Sensor.readings -> $upstream where \"$body.machine.temprature > 30\"";
		Issue issue = single(files.parseOne(text), IssueCodes.UNKNOWN_BODY_FIELD);
		assertThat(issue.getOffset()).isEqualTo(text.indexOf("$body.machine.temprature"));
		assertThat(issue.getLength()).isEqualTo("$body.machine.temprature".length());
		assertThat(issue.getMessage()).contains("$body.machine.temprature", "Telemetry");
	}

	@Test
	void knownBodyFieldsAreQuiet() throws Exception {
		for (String condition : new String[] { "$body.machine.temperature > 30", "$body.samples[0] > 1", "$body.state = 'on'" }) {
			Model model = files.parseOne(MODULES + "route R: Sensor.* -> $upstream where \"" + condition + "\"");
			validation.assertNoIssue(model, ROUTE, IssueCodes.UNKNOWN_BODY_FIELD);
		}
	}

	@Test
	void untypedSourcesAreNotChecked() throws Exception {
		validation.assertNoIssue(files.parseOne(MODULES + "route R: Sensor.raw -> $upstream where \"$body.anything = 1\""), ROUTE,
				IssueCodes.UNKNOWN_BODY_FIELD);
		validation.assertNoIssue(files.parseOne(MODULES + "route R: * -> $upstream where \"$body.anything = 1\""), ROUTE,
				IssueCodes.UNKNOWN_BODY_FIELD);
	}

	private Issue single(Model model, String code) {
		List<Issue> issues = validation.validate(model).stream().filter(i -> code.equals(i.getCode())).toList();
		assertThat(issues).hasSize(1);
		return issues.get(0);
	}
}
