package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ENUM_LITERAL;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ENUM_TYPE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ENV_VAR;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.FIELD;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MESSAGE_TYPE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_SCHEMA;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_VALUE;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.validation.IssueCodes;
import java.util.List;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class NamingValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void moduleNameFollowsManifestPattern() throws Exception {
		Model model = files.parseOne("module Sensor_1 { image \"s:1\" }");
		validation.assertNoIssue(model, MODULE, IssueCodes.INVALID_MODULE_NAME);
		// The grammar's identifiers always match; names from other sources (importers, ^escapes) may not.
		((Module) model.getElements().get(0)).setName("sensor.1");
		validation.assertError(model, MODULE, IssueCodes.INVALID_MODULE_NAME, "use only letters, digits, '_' and '-'");
	}

	@Test
	void moduleNamesAreUniqueAcrossFiles() throws Exception {
		List<Model> models = files.parse("module A { image \"a:1\" }", "package other module A { image \"b:1\" } module B { image \"b:1\" }");
		validation.assertError(models.get(0), MODULE, IssueCodes.DUPLICATE_MODULE_NAME, "also named 'A'");
		validation.assertError(models.get(1), MODULE, IssueCodes.DUPLICATE_MODULE_NAME, "also named 'A'");
		assertThat(files.messages(models.get(1), IssueCodes.DUPLICATE_MODULE_NAME)).hasSize(1);
	}

	@Test
	void routeNameHasNoReservedCharacters() throws Exception {
		Model model = files.parseOne("route R1: * -> $upstream");
		validation.assertNoIssue(model, ROUTE, IssueCodes.INVALID_ROUTE_NAME);
		((Route) model.getElements().get(0)).setName("to cloud");
		validation.assertError(model, ROUTE, IssueCodes.INVALID_ROUTE_NAME, "'.', '$', '#' or spaces");
	}

	@Test
	void routeNamesAreUnique() throws Exception {
		Model duplicate = files.parseOne("route R: * -> $upstream route R: $messages -> $upstream");
		validation.assertError(duplicate, ROUTE, IssueCodes.DUPLICATE_ROUTE_NAME);
		Model distinct = files.parseOne("route R: * -> $upstream route S: $messages -> $upstream");
		validation.assertNoIssue(distinct, ROUTE, IssueCodes.DUPLICATE_ROUTE_NAME);
	}

	@Test
	void envNameFollowsManifestPattern() throws Exception {
		Model model = files.parseOne("module M { image \"m:1\" env \"log.level\" = \"debug\" env \"LOG_LEVEL\" = \"debug\" env Plain = 1 }");
		validation.assertError(model, ENV_VAR, IssueCodes.INVALID_ENV_NAME, "'log.level'");
		assertThat(files.messages(model, IssueCodes.INVALID_ENV_NAME)).hasSize(1);
	}

	@Test
	void envNamesAreUniquePerModule() throws Exception {
		Model duplicate = files.parseOne("module M { image \"m:1\" env A = 1 env A = 2 }");
		validation.assertError(duplicate, ENV_VAR, IssueCodes.DUPLICATE_ENV_NAME);
		Model distinct = files.parseOne("module M { image \"m:1\" env A = 1 } module N { image \"m:1\" env A = 2 }");
		validation.assertNoIssue(distinct, ENV_VAR, IssueCodes.DUPLICATE_ENV_NAME);
	}

	@Test
	void portNamesAreUniquePerModule() throws Exception {
		Model duplicate = files.parseOne("module M { image \"m:1\" input x output x }");
		validation.assertError(duplicate, PORT, IssueCodes.DUPLICATE_PORT_NAME);
		Model distinct = files.parseOne("module M { image \"m:1\" input x output y }");
		validation.assertNoIssue(distinct, PORT, IssueCodes.DUPLICATE_PORT_NAME);
	}

	@Test
	void fieldNamesAreUniquePerMessage() throws Exception {
		validation.assertError(files.parseOne("message M { a: int a: string }"), FIELD, IssueCodes.DUPLICATE_MEMBER_NAME);
		validation.assertNoIssue(files.parseOne("message M { a: int b: string }"), FIELD, IssueCodes.DUPLICATE_MEMBER_NAME);
	}

	@Test
	void twinMemberNamesAreUniquePerDirection() throws Exception {
		validation.assertError(files.parseOne("twin T { desired a: int desired a: string }"), TWIN_VALUE, IssueCodes.DUPLICATE_MEMBER_NAME);
		validation.assertNoIssue(files.parseOne("twin T { desired a: int reported a: int }"), TWIN_VALUE, IssueCodes.DUPLICATE_MEMBER_NAME);
	}

	@Test
	void enumLiteralsAreUniquePerEnum() throws Exception {
		validation.assertError(files.parseOne("enum Mode { on, off, on }"), ENUM_LITERAL, IssueCodes.DUPLICATE_ENUM_LITERAL, "'on'");
		validation.assertNoIssue(files.parseOne("enum Mode { on, off } enum Power { on, off }"), ENUM_LITERAL, IssueCodes.DUPLICATE_ENUM_LITERAL);
	}

	@Test
	void typeNamesAreUniqueAcrossFiles() throws Exception {
		List<Model> models = files.parse("message Reading { a: int }", "enum Reading { low, high } twin Reading { desired a: int }");
		validation.assertError(models.get(0), MESSAGE_TYPE, IssueCodes.DUPLICATE_TYPE_NAME, "also named 'Reading'");
		validation.assertError(models.get(1), ENUM_TYPE, IssueCodes.DUPLICATE_TYPE_NAME, "also named 'Reading'");
		validation.assertNoIssue(models.get(1), TWIN_SCHEMA, IssueCodes.DUPLICATE_TYPE_NAME); // twins have their own namespace
		List<Model> packages = files.parse("package a message Reading { x: int }", "package b message Reading { x: int }");
		validation.assertNoIssue(packages.get(0), MESSAGE_TYPE, IssueCodes.DUPLICATE_TYPE_NAME);
		validation.assertError(files.parseOne("twin T { } twin T { }"), TWIN_SCHEMA, IssueCodes.DUPLICATE_TYPE_NAME, "twin schema");
	}
}
