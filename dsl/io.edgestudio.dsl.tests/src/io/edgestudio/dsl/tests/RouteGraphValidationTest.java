package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.validation.IssueCodes;
import java.util.List;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class RouteGraphValidationTest {

	private static final String MODULES = """
			module A python { input in output out }
			module B python { input in output out }
			module C python { input in output out }
			""";

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void inputsNothingRoutesToAreWarned() throws Exception {
		Model model = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: B.out -> C.in route R3: C.out -> $upstream");
		validation.assertWarning(model, PORT, IssueCodes.UNROUTED_INPUT, "input 'in'");
		assertThat(files.messages(model, IssueCodes.UNROUTED_INPUT)).hasSize(1); // only A.in
	}

	@Test
	void outputsRoutedNowhereAreWarned() throws Exception {
		Model model = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: B.out -> C.in");
		assertThat(files.messages(model, IssueCodes.UNROUTED_OUTPUT)).hasSize(1); // only C.out
		Model wildcard = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: B.out -> C.in route R3: * -> $upstream");
		validation.assertNoIssue(wildcard, PORT, IssueCodes.UNROUTED_OUTPUT);
	}

	@Test
	void modulesNoRouteMentionsAreWarned() throws Exception {
		Model model = files.parseOne(MODULES + "route R1: A.out -> B.in");
		validation.assertWarning(model, MODULE, IssueCodes.UNREACHABLE_MODULE, "module 'C'");
		assertThat(files.messages(model, IssueCodes.UNREACHABLE_MODULE)).hasSize(1);
		validation.assertNoIssue(files.parseOne(MODULES + "route R: $messages -> $upstream"), MODULE, IssueCodes.UNREACHABLE_MODULE);
	}

	@Test
	void routingCyclesAreWarned() throws Exception {
		Model model = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: B.out -> C.in route R3: C.out -> A.in");
		validation.assertWarning(model, ROUTE, IssueCodes.ROUTING_CYCLE, "(B -> C -> A -> B)");
		Model chain = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: B.out -> C.in route R3: C.out -> $upstream");
		validation.assertNoIssue(chain, ROUTE, IssueCodes.ROUTING_CYCLE);
	}

	@Test
	void duplicateRoutesAreWarned() throws Exception {
		Model model = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: A.out -> B.in");
		validation.assertWarning(model, ROUTE, IssueCodes.DUPLICATE_ROUTE, "Route 'R2' has the same source, sink and condition as 'R1'");
		assertThat(files.messages(model, IssueCodes.DUPLICATE_ROUTE)).hasSize(1);
		Model conditioned = files.parseOne(MODULES + "route R1: A.out -> B.in route R2: A.out -> B.in where \"a = 'b'\"");
		validation.assertNoIssue(conditioned, ROUTE, IssueCodes.DUPLICATE_ROUTE);
	}

	@Test
	void graphSpansFiles() throws Exception {
		List<Model> models = files.parse(MODULES, "route R1: A.out -> B.in route R2: B.out -> C.in route R3: C.out -> $upstream route R0: $messages -> A.in");
		validation.assertNoIssue(models.get(0), PORT, IssueCodes.UNROUTED_INPUT);
		validation.assertNoIssue(models.get(0), PORT, IssueCodes.UNROUTED_OUTPUT);
	}
}
