package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE;
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
class SchemaVersionValidationTest {

	private static final String ROUTE_WITH_OPTIONS = " route R: * -> $upstream priority 1 ttl 60";

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void routePriorityAndTtlNeedHubSchema11() throws Exception {
		Model old = files.parseOne("solution S { edgeHub { schema \"1.0\" } }" + ROUTE_WITH_OPTIONS);
		validation.assertError(old, ROUTE, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA, "Route priority needs edgeHub schema 1.1");
		validation.assertError(old, ROUTE, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA, "Route ttl needs edgeHub schema 1.1");
		validation.assertNoIssue(files.parseOne("solution S { edgeHub { schema \"1.1\" } }" + ROUTE_WITH_OPTIONS),
				ROUTE, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA);
		validation.assertNoIssue(files.parseOne("solution S { edgeHub { schema \"1.0\" } } route R: * -> $upstream"),
				ROUTE, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA);
	}

	@Test
	void defaultHubSchemaAllowsRouteOptions() throws Exception {
		validation.assertNoIssue(files.parseOne("solution S { }" + ROUTE_WITH_OPTIONS), ROUTE, IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA);
	}

	@Test
	void hubSchemaOfAnotherFileCounts() throws Exception {
		List<Model> models = files.parse("solution S { edgeHub { schema \"1.0\" } }", ROUTE_WITH_OPTIONS);
		assertThat(files.messages(models.get(1), IssueCodes.ROUTE_OPTIONS_NEED_HUB_SCHEMA)).hasSize(2);
	}

	@Test
	void startupOrderNeedsAgentSchema11() throws Exception {
		String module = " module M { image \"m:1\" startupOrder 1 }";
		validation.assertError(files.parseOne("solution S { edgeAgent { schema \"1.0\" } }" + module), MODULE,
				IssueCodes.STARTUP_ORDER_NEEDS_AGENT_SCHEMA, "set 'schema \"1.1\"' in its edgeAgent block");
		validation.assertNoIssue(files.parseOne("solution S { edgeAgent { schema \"1.1\" } }" + module), MODULE,
				IssueCodes.STARTUP_ORDER_NEEDS_AGENT_SCHEMA);
		validation.assertNoIssue(files.parseOne(module), MODULE, IssueCodes.STARTUP_ORDER_NEEDS_AGENT_SCHEMA);
	}
}
