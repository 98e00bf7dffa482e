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
class HubQuirksValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void moduleNamesThatDifferOnlyInCaseAreWarned() throws Exception {
		List<Model> models = files.parse("module Filter { image \"f:1\" }", "module filter { image \"f:2\" }");
		validation.assertWarning(models.get(0), MODULE, IssueCodes.MODULE_NAMES_DIFFER_IN_CASE, "routes from 'Filter' also take the messages of 'filter'");
		validation.assertWarning(models.get(1), MODULE, IssueCodes.MODULE_NAMES_DIFFER_IN_CASE, "routes from 'filter' also take the messages of 'Filter'");
		validation.assertNoIssue(files.parseOne("module Filter { image \"f:1\" } module Filter2 { image \"f:2\" }"),
				MODULE, IssueCodes.MODULE_NAMES_DIFFER_IN_CASE);
	}

	@Test
	void outputNamesThatDifferOnlyInCaseAreWarned() throws Exception {
		Model model = files.parseOne("module M { image \"m:1\" output alerts output Alerts input ALERTS }");
		validation.assertWarning(model, PORT, IssueCodes.OUTPUT_NAMES_DIFFER_IN_CASE, "output 'alerts' also take the messages of 'Alerts'");
		assertThat(files.messages(model, IssueCodes.OUTPUT_NAMES_DIFFER_IN_CASE)).hasSize(2); // not the input
		validation.assertNoIssue(files.parseOne("module M { image \"m:1\" output alerts input Alerts }"), PORT,
				IssueCodes.OUTPUT_NAMES_DIFFER_IN_CASE);
	}

	@Test
	void routeTtlZeroIsWarned() throws Exception {
		validation.assertWarning(files.parseOne("route R: * -> $upstream ttl 0"), ROUTE, IssueCodes.ROUTE_TTL_ZERO, "store-and-forward TTL");
		validation.assertNoIssue(files.parseOne("route R: * -> $upstream ttl 30s"), ROUTE, IssueCodes.ROUTE_TTL_ZERO);
	}
}
