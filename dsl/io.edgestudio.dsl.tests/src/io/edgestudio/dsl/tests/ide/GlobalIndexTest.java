package io.edgestudio.dsl.tests.ide;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.edgestudio.dsl.EdgeStandaloneSetup;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.scoping.EdgeResourceDescriptionStrategy;
import io.edgestudio.dsl.validation.IssueCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;

/**
 * The global index holds the top-level elements of each file under their qualified names, nothing nested, and
 * still links and checks routes across files again when a module's ports change (the multi-file greenhouse
 * example, through Xtext's language server as the editor runs it).
 */
class GlobalIndexTest {

	private static final Path GREENHOUSE = Path.of(System.getProperty("edge.examples", "../../examples")).resolve("greenhouse");

	@Test
	void filesExportTheirTopLevelElementsOnly() throws Exception {
		Injector injector = new EdgeStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
		Map<String, List<String>> exported = new TreeMap<>();
		IResourceDescription.Manager manager = injector.getInstance(IResourceDescription.Manager.class);
		for (Path file : edgeFiles()) {
			Resource resource = resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
			List<String> names = new ArrayList<>();
			for (IEObjectDescription description : manager.getResourceDescription(resource).getExportedObjects()) {
				names.add(description.getEClass().getName() + " " + description.getQualifiedName());
			}
			exported.put(GREENHOUSE.relativize(file).toString(), names);
		}
		assertThat(exported).containsExactlyEntriesOf(new TreeMap<>(Map.of(
				"common/schemas.edge", List.of("MessageType greenhouse.common.ClimateReading", "EnumType greenhouse.common.Device",
						"MessageType greenhouse.common.Command", "MessageType greenhouse.common.ActuatorStatus"),
				"modules/modules.edge", List.of("TwinSchema greenhouse.modules.ClimateTargets", "Module greenhouse.modules.ClimateSensor",
						"Module greenhouse.modules.ClimateController", "Module greenhouse.modules.Actuators"),
				"solution.edge", List.of("Solution greenhouse.Greenhouse", "Route greenhouse.ClimateToController",
						"Route greenhouse.CommandsToActuators", "Route greenhouse.ClimateToCloud",
						"Route greenhouse.ActuatorStatusToCloud", "Route greenhouse.TwinChanges"))));

		Resource modules = resources.getResource(URI.createFileURI(GREENHOUSE.resolve("modules/modules.edge").toAbsolutePath().toString()), false);
		IEObjectDescription sensor = manager.getResourceDescription(modules)
				.getExportedObjectsByType(EdgePackage.Literals.MODULE).iterator().next();
		assertThat(sensor.getUserData(EdgeResourceDescriptionStrategy.MEMBERS)).isEqualTo("output readings: ClimateReading\n");
	}

	@Test
	void routesInAnotherFileAreCheckedAgainWhenAModulesPortsChange() throws Exception {
		try (InProcessLanguageServer ls = new InProcessLanguageServer()) {
			Map<String, String> uris = new TreeMap<>();
			for (Path file : edgeFiles()) {
				uris.put(GREENHOUSE.relativize(file).toString(), ls.open(GREENHOUSE.relativize(file).toString().replace('/', '-'),
						Files.readString(file)));
			}
			String solution = uris.get("solution.edge");
			String modules = uris.get("modules/modules.edge");
			String text = Files.readString(GREENHOUSE.resolve("modules/modules.edge"));
			ls.awaitDiagnostics(solution, d -> errors(d).isEmpty());

			ls.change(modules, text.replace("output readings: ClimateReading", "output reading: ClimateReading"));
			assertThat(errors(ls.awaitDiagnostics(solution, d -> !errors(d).isEmpty())))
					.anySatisfy(e -> assertThat(e.getMessage().getLeft()).contains("Unknown output 'readings'. Did you mean 'reading'?"));

			ls.change(modules, text);
			ls.awaitDiagnostics(solution, d -> errors(d).isEmpty());

			// same port names, another message type: the route's types no longer fit
			ls.change(modules, text.replace("input readings: ClimateReading", "input readings: Command"));
			assertThat(errors(ls.awaitDiagnostics(solution, d -> !errors(d).isEmpty())))
					.anySatisfy(e -> assertThat(e.getCode().getLeft()).isEqualTo(IssueCodes.INCOMPATIBLE_MESSAGE_TYPE));

			ls.change(modules, text);
			ls.awaitDiagnostics(solution, d -> errors(d).isEmpty());
		}
	}

	private static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
		return diagnostics.stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Error).toList();
	}

	private static List<Path> edgeFiles() throws Exception {
		try (Stream<Path> walk = Files.walk(GREENHOUSE)) {
			return walk.filter(p -> p.toString().endsWith(".edge")).sorted().toList();
		}
	}
}
