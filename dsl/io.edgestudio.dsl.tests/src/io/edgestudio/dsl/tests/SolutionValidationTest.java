package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.EDGE_AGENT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.EDGE_HUB;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SOLUTION;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.validation.IssueCodes;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class SolutionValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void oneSolutionBlockPerSolution() throws Exception {
		List<Model> two = files.parse("solution A { }", "solution B { }");
		validation.assertError(two.get(1), SOLUTION, IssueCodes.DUPLICATE_SOLUTION);
		validation.assertNoIssue(files.parseOne("solution A { }"), SOLUTION, IssueCodes.DUPLICATE_SOLUTION);
	}

	@Test
	void atMostFiftyModules() throws Exception {
		validation.assertError(files.parseOne("solution S { }" + modules(51)), SOLUTION, IssueCodes.TOO_MANY_MODULES, "51 modules");
		validation.assertNoIssue(files.parseOne("solution S { }" + modules(50)), SOLUTION, IssueCodes.TOO_MANY_MODULES);
	}

	@Test
	void agentSchemaVersionIsSupported() throws Exception {
		validation.assertError(files.parseOne("solution S { edgeAgent { schema \"1.2\" } }"), EDGE_AGENT,
				IssueCodes.UNSUPPORTED_SCHEMA_VERSION, "[1.0, 1.1]");
		validation.assertNoIssue(files.parseOne("solution S { edgeAgent { schema \"1.1\" } }"), EDGE_AGENT,
				IssueCodes.UNSUPPORTED_SCHEMA_VERSION);
	}

	@Test
	void hubSchemaVersionIsSupported() throws Exception {
		validation.assertError(files.parseOne("solution S { edgeHub { schema \"2.0\" } }"), EDGE_HUB,
				IssueCodes.UNSUPPORTED_SCHEMA_VERSION);
		validation.assertNoIssue(files.parseOne("solution S { edgeHub { schema \"1.3\" } }"), EDGE_HUB,
				IssueCodes.UNSUPPORTED_SCHEMA_VERSION);
	}

	@Test
	void storeAndForwardTtlFitsUint32() throws Exception {
		validation.assertError(files.parseOne("solution S { storeAndForward ttl 4294967296 }"), SOLUTION, IssueCodes.INVALID_TTL);
		validation.assertNoIssue(files.parseOne("solution S { storeAndForward ttl 4294967295 }"), SOLUTION, IssueCodes.INVALID_TTL);
	}

	private static String modules(int count) {
		return IntStream.range(0, count).mapToObj(i -> " module M" + i + " { image \"m:1\" }").collect(Collectors.joining());
	}
}
