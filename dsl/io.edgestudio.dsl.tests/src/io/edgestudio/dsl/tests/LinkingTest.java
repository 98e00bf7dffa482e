package io.edgestudio.dsl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Route;
import java.util.List;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InjectionExtension.class)
@InjectWith(EdgeInjectorProvider.class)
class LinkingTest {

	private static final String FILTER = """
			message Telemetry { t: double }
			module Filter java { input input1: Telemetry output output1: Telemetry }
			""";

	@Inject
	private EdgeFiles files;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private IEObjectDocumentationProvider documentation;

	@Test
	void routeResolvesModuleAndPort() throws Exception {
		Model model = files.parseOne(FILTER + "route R: Filter.output1 -> $upstream");
		ModuleSource source = (ModuleSource) ((Route) model.getElements().get(2)).getSource();
		assertThat(source.getModule().getName()).isEqualTo("Filter");
		assertThat(source.getOutput().getName()).isEqualTo("output1");
		validation.assertNoErrors(model);
	}

	@Test
	void importsResolveAcrossFiles() throws Exception {
		List<Model> models = files.parse(
				"package app.types message Telemetry { t: double }",
				"package app.modules import app.types.* module Filter java { input input1: Telemetry output output1: Telemetry }",
				"import app.modules.Filter route R: Filter.output1 -> $upstream route S: Filter.output1 -> Filter.input1");
		Module filter = (Module) models.get(1).getElements().get(0);
		assertThat(filter.getPorts().get(0).getType().getName()).isEqualTo("Telemetry");
		models.forEach(validation::assertNoErrors);
	}

	@Test
	void withoutImportOtherPackagesAreUnknown() throws Exception {
		List<Model> models = files.parse("package app.types message Telemetry { t: double }",
				"module Filter java { input input1: Telemetry }");
		validation.assertError(models.get(1), EdgePackage.Literals.PORT, Diagnostic.LINKING_DIAGNOSTIC, "Telemetry");
	}

	@Test
	void unknownModuleSuggestsClosest() throws Exception {
		Model model = files.parseOne(FILTER + "route R: Filtr.output1 -> $upstream");
		validation.assertError(model, EdgePackage.Literals.MODULE_SOURCE, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown module 'Filtr'. Did you mean 'Filter'?");
	}

	@Test
	void unknownPortSuggestsClosest() throws Exception {
		Model model = files.parseOne(FILTER + "route R: Filter.outptu1 -> Filter.inptu1");
		validation.assertError(model, EdgePackage.Literals.MODULE_SOURCE, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown output 'outptu1'. Did you mean 'output1'?");
		validation.assertError(model, EdgePackage.Literals.MODULE_SINK, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown input 'inptu1'. Did you mean 'input1'?");
	}

	@Test
	void unknownSchemaSuggestsClosest() throws Exception {
		Model model = files.parseOne(FILTER + "module Other python { input i: Telemetri twin Settngs } twin Settings { desired a: int }");
		validation.assertError(model, EdgePackage.Literals.PORT, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown message schema 'Telemetri'. Did you mean 'Telemetry'?");
		validation.assertError(model, EdgePackage.Literals.MODULE, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown twin schema 'Settngs'. Did you mean 'Settings'?");
	}

	@Test
	void farNamesGetNoSuggestion() throws Exception {
		Model model = files.parseOne(FILTER + "route R: Zzzzzzzz.output1 -> $upstream");
		validation.assertError(model, EdgePackage.Literals.MODULE_SOURCE, Diagnostic.LINKING_DIAGNOSTIC,
				"Unknown module 'Zzzzzzzz'. Declare it or check the spelling.");
	}

	@Test
	void documentationCommentsAreDocumentation() throws Exception {
		Model model = files.parseOne("/** Readings of the sensor. */ message Telemetry { t: double }");
		assertThat(documentation.getDocumentation(model.getElements().get(0))).isEqualTo("Readings of the sensor.");
	}
}
