package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.JsonArray;
import io.edgestudio.dsl.edge.JsonObject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.Platform;
import io.edgestudio.dsl.edge.RangeConstraint;
import io.edgestudio.dsl.edge.RestartPolicy;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.edge.TwinValue;
import java.math.BigDecimal;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class ParsingTest {

	@Inject
	private EdgeFiles files;

	@ParameterizedTest
	@CsvSource({ "7200, 7200", "30s, 30", "5m, 300", "2h, 7200", "1d, 86400" })
	void durationsAreSeconds(String written, long seconds) throws Exception {
		Model model = files.parseOne("solution S { storeAndForward ttl " + written + " }");
		assertThat(model.eResource().getErrors()).isEmpty();
		assertThat(((Solution) model.getElements().get(0)).getStoreAndForwardTtl()).isEqualTo(seconds);
	}

	@Test
	void solutionSettings() throws Exception {
		Model model = files.parseOne("""
				solution S {
				    device "dev-1"
				    platform arm64v8
				    registry acr "r.azurecr.io" username env U password env P
				    edgeAgent { version "1.5" schema "1.1" }
				    edgeHub { schema "1.2" env A = 1 createOptions { "HostConfig": {} } }
				}""");
		Solution solution = (Solution) model.getElements().get(0);
		assertThat(model.eResource().getErrors()).isEmpty();
		assertThat(solution.getPlatform()).isEqualTo(Platform.ARM64V8);
		assertThat(solution.getRegistries().get(0).getUsernameVariable()).isEqualTo("U");
		assertThat(solution.getEdgeHub().getSchemaVersion()).isEqualTo("1.2");
	}

	@Test
	void uint32ValuesBeyondIntParse() throws Exception {
		Model model = files.parseOne("module M { image \"m:1\" startupOrder 4294967295 restartPolicy on-unhealthy }");
		Module module = (Module) model.getElements().get(0);
		assertThat(module.getStartupOrder()).isEqualTo(4294967295L);
		assertThat(module.getRestartPolicy()).isEqualTo(RestartPolicy.ON_UNHEALTHY);
	}

	@Test
	void twinDefaultsAndBounds() throws Exception {
		Model model = files.parseOne("twin T { desired Threshold: double = -2.5 range -10..150 \"doc\" }");
		TwinValue value = (TwinValue) ((io.edgestudio.dsl.edge.TwinSchema) model.getElements().get(0)).getProperties().get(0).getMember();
		assertThat(((NumberLiteral) value.getDefault()).getValue()).isEqualByComparingTo(new BigDecimal("-2.5"));
		RangeConstraint range = (RangeConstraint) value.getConstraints().get(0);
		assertThat(range.getMin()).isEqualByComparingTo("-10");
		assertThat(range.getMax()).isEqualByComparingTo("150");
		assertThat(value.getDescription()).isEqualTo("doc");
	}

	@Test
	void createOptionsJson() throws Exception {
		Model model = files.parseOne("""
				module M {
				    image "m:1"
				    createOptions { "Env": [], "HostConfig": { "Privileged": true, "Binds": ["/a:/b"] }, "X": null }
				}""");
		JsonObject options = ((Module) model.getElements().get(0)).getCreateOptions();
		assertThat(options.getMembers()).extracting("key").containsExactly("Env", "HostConfig", "X");
		assertThat(((JsonArray) options.getMembers().get(0).getValue()).getValues()).isEmpty();
		JsonObject hostConfig = (JsonObject) options.getMembers().get(1).getValue();
		assertThat(((BooleanLiteral) hostConfig.getMembers().get(0).getValue()).isValue()).isTrue();
	}

	@Test
	void routeOptions() throws Exception {
		Model model = files.parseOne("route R: * -> $upstream where \"$body.a > 1\" priority 3 ttl 5m");
		Route route = (Route) model.getElements().get(0);
		assertThat(route.getCondition()).isEqualTo("$body.a > 1");
		assertThat(route.getPriority()).isEqualTo(3);
		assertThat(route.getTtl()).isEqualTo(300L);
	}

	@Test
	void languageWordsCanNameFieldsAndPorts() throws Exception {
		Model model = files.parseOne("""
				message M { status: string device: string version: int }
				module A python { output status: M }""");
		assertThat(model.eResource().getErrors()).isEmpty();
	}

	@Test
	void commentsAreIgnored() throws Exception {
		Model model = files.parseOne("""
				// line comment
				/* block comment */
				/** documentation */
				message M { a: int }""");
		assertThat(model.eResource().getErrors()).isEmpty();
	}

	@Test
	void twinArraysAreNotSyntax() throws Exception {
		Model model = files.parseOne("twin T { desired Items: string[] }");
		assertThat(model.eResource().getErrors()).isNotEmpty();
	}

	@Test
	void secretsCannotBeLiterals() throws Exception {
		Model model = files.parseOne("solution S { registry r \"r.io\" username \"admin\" password \"secret\" }");
		assertThat(model.eResource().getErrors()).isNotEmpty();
	}
}
