package io.edgestudio.dsl.tests;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.EDGE_HUB;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.REGISTRY;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SOLUTION;
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
class SettingsValidationTest {

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void solutionSettingsAreGivenOnce() throws Exception {
		String text = "solution S { device \"a\" platform amd64 device \"b\" storeAndForward ttl 1h storeAndForward ttl 2h }";
		Model model = files.parseOne(text);
		validation.assertError(model, SOLUTION, IssueCodes.DUPLICATE_SETTING, "'device' is set more than once in solution 'S'");
		validation.assertError(model, SOLUTION, IssueCodes.DUPLICATE_SETTING, "'storeAndForward ttl' is set more than once");
		List<Issue> issues = issues(model);
		assertThat(issues).hasSize(2);
		assertThat(issues.get(0).getOffset()).isEqualTo(text.indexOf("\"b\""));
		validation.assertNoIssue(files.parseOne("solution S { device \"a\" platform amd64 storeAndForward ttl 1h }"),
				SOLUTION, IssueCodes.DUPLICATE_SETTING);
	}

	@Test
	void systemModuleBlocksAndTheirSettingsAreGivenOnce() throws Exception {
		Model setting = files.parseOne("solution S { edgeHub { schema \"1.1\" schema \"1.2\" } }");
		validation.assertError(setting, EDGE_HUB, IssueCodes.DUPLICATE_SETTING, "'schema' is set more than once in edgeHub");
		Model block = files.parseOne("solution S { edgeHub { } edgeAgent { } edgeHub { } }");
		validation.assertError(block, SOLUTION, IssueCodes.DUPLICATE_SETTING, "'edgeHub' is set more than once");
		validation.assertNoIssue(files.parseOne("solution S { edgeHub { schema \"1.2\" } edgeAgent { schema \"1.1\" } }"),
				EDGE_HUB, IssueCodes.DUPLICATE_SETTING);
	}

	@Test
	void moduleSettingsAreGivenOnce() throws Exception {
		Model model = files.parseOne("module M { image \"m:1\" restartPolicy never image \"m:2\" privileged privileged }");
		validation.assertError(model, MODULE, IssueCodes.DUPLICATE_SETTING, "'image' is set more than once in module 'M'");
		validation.assertError(model, MODULE, IssueCodes.DUPLICATE_SETTING, "'privileged' is set more than once");
		Model once = files.parseOne("module M { image \"m:1\" restartPolicy never privileged env A = 1 env B = 2 input a input b }");
		validation.assertNoIssue(once, MODULE, IssueCodes.DUPLICATE_SETTING);
	}

	@Test
	void registryNamesAreUnique() throws Exception {
		Model model = files.parseOne("solution S { registry acr \"a.azurecr.io\" registry acr \"b.azurecr.io\" }");
		validation.assertError(model, REGISTRY, IssueCodes.DUPLICATE_REGISTRY, "also named 'acr'");
		validation.assertNoIssue(files.parseOne("solution S { registry acr \"a.azurecr.io\" registry hub \"b.azurecr.io\" }"),
				REGISTRY, IssueCodes.DUPLICATE_REGISTRY);
	}

	private List<Issue> issues(Model model) {
		return validation.validate(model).stream().filter(i -> IssueCodes.DUPLICATE_SETTING.equals(i.getCode())).toList();
	}
}
