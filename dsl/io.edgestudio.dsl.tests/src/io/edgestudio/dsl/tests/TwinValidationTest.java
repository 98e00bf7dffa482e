package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.LENGTH_CONSTRAINT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.RANGE_CONSTRAINT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.STRING_LITERAL;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_VALUE;

import com.google.inject.Inject;
import io.edgestudio.dsl.validation.IssueCodes;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class TwinValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void twinsCannotUseMessagesWithLists() throws Exception {
		validation.assertError(files.parseOne("message L { items: string[] } message W { inner: L } twin T { desired w: W }"),
				TWIN_VALUE, IssueCodes.TWIN_ARRAY, "field 'items' is a list");
		validation.assertNoIssue(files.parseOne("message P { a: int } twin T { desired p: P }"), TWIN_VALUE, IssueCodes.TWIN_ARRAY);
	}

	@Test
	void rangeAppliesToNumbers() throws Exception {
		validation.assertError(files.parseOne("twin T { desired s: string range 0..1 }"), RANGE_CONSTRAINT,
				IssueCodes.INVALID_CONSTRAINT, "'range' applies to numbers only");
		validation.assertError(files.parseOne("twin T { desired s: int range 5..1 }"), RANGE_CONSTRAINT, IssueCodes.INVALID_CONSTRAINT,
				"swap them");
		validation.assertNoIssue(files.parseOne("twin T { desired s: long range ..10 }"), RANGE_CONSTRAINT, IssueCodes.INVALID_CONSTRAINT);
	}

	@Test
	void lengthAppliesToStrings() throws Exception {
		validation.assertError(files.parseOne("twin T { desired s: double length 1..5 }"), LENGTH_CONSTRAINT,
				IssueCodes.INVALID_CONSTRAINT, "'length' applies to strings only");
		validation.assertNoIssue(files.parseOne("twin T { desired s: string length 1..5 }"), LENGTH_CONSTRAINT, IssueCodes.INVALID_CONSTRAINT);
	}

	@Test
	void allowedValuesHaveThePropertyType() throws Exception {
		validation.assertError(files.parseOne("twin T { desired s: int values (1, \"two\") }"), STRING_LITERAL,
				IssueCodes.INVALID_CONSTRAINT, "\"two\" is not an int");
		validation.assertNoIssue(files.parseOne("twin T { desired s: int values (1, 2) }"), STRING_LITERAL, IssueCodes.INVALID_CONSTRAINT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a: int = 1.5", "a: int = 3000000000", "a: long = \"1\"", "a: bool = 1", "a: string = true",
			"a: datetime = \"yesterday\"", "a: Mode = \"turbo\"" })
	void defaultsMustHaveThePropertyType(String property) throws Exception {
		validation.assertError(files.parseOne("enum Mode { eco, fast } twin T { desired " + property + " }"), TWIN_VALUE,
				IssueCodes.DEFAULT_TYPE_MISMATCH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a: int = 3", "a: long = 3000000000", "a: double = 1", "a: bool = false", "a: string = \"x\"",
			"a: datetime = \"2026-11-23T12:00:00Z\"", "a: Mode = \"eco\"" })
	void defaultsOfThePropertyType(String property) throws Exception {
		validation.assertNoIssue(files.parseOne("enum Mode { eco, fast } twin T { desired " + property + " }"), TWIN_VALUE,
				IssueCodes.DEFAULT_TYPE_MISMATCH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a: double = 151 range 0..150", "a: int = -1 range 0..", "a: string = \"\" length 1..4",
			"a: string = \"toolong\" length ..4", "a: string = \"c\" values (\"a\", \"b\")" })
	void defaultsOutsideBoundsAreErrors(String property) throws Exception {
		validation.assertError(files.parseOne("twin T { desired " + property + " }"), TWIN_VALUE, IssueCodes.DEFAULT_OUT_OF_BOUNDS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a: double = 150 range 0..150", "a: int = 0 range 0..", "a: string = \"abcd\" length 1..4",
			"a: string = \"b\" values (\"a\", \"b\")" })
	void defaultsInsideBounds(String property) throws Exception {
		validation.assertNoIssue(files.parseOne("twin T { desired " + property + " }"), TWIN_VALUE, IssueCodes.DEFAULT_OUT_OF_BOUNDS);
	}
}
