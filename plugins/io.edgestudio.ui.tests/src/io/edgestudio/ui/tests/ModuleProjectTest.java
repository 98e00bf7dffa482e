package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.modulelibs.EdgeModuleLibraries;
import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.project.EdgeNature;
import io.edgestudio.ui.internal.project.ModuleProjects;
import io.edgestudio.ui.internal.wizards.EdgeSolutionWizard;
import io.edgestudio.ui.internal.wizards.NewModuleWizard;

/**
 * Generated Java modules as workspace Java projects: the wizards import them, JDT compiles them with the
 * JRE and the Edge Module Libraries container without errors, a rebuild keeps the user's handler, and a module
 * removed from the solution leaves the workspace (its folder too unless the user edited it).
 */
class ModuleProjectTest {

    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

    private final List<IProject> projects = new ArrayList<>();

    @AfterEach
    void deleteProjects() throws CoreException {
        // module projects live inside their solution project: delete them first
        for (IProject project : projects.reversed()) {
            Workbench.deleteProject(project);
        }
    }

    @Test
    void newSolutionWizardImportsTheJavaModuleAsAProjectThatCompilesWithoutErrors() throws Exception {
        IProject solution = runSolutionWizard("modules-thermostat");
        IProject filter = ModuleProjects.find(solution, "Filter");
        assertNotNull(filter, "the Filter module was imported as a project");
        projects.add(filter);

        assertEquals("modules-thermostat-Filter", filter.getName());
        assertTrue(filter.hasNature(JavaCore.NATURE_ID));
        assertEquals("Filter", filter.getPersistentProperty(ModuleProjects.MODULE));
        IJavaProject java = JavaCore.create(filter);
        Set<String> entries = Arrays.stream(java.getRawClasspath()).map(e -> e.getPath().toString())
                .collect(Collectors.toSet());
        assertTrue(entries.contains(EdgeModuleLibraries.ID), entries.toString());
        assertTrue(entries.contains("/modules-thermostat-Filter/src/main/java"), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("org.eclipse.jdt.launching.JRE_CONTAINER")
                && e.endsWith("JavaSE-21")), entries.toString());

        buildAndAssertNoErrors(filter);
        assertTrue(filter.getFile("target/classes/filter/FilterModule.class").exists(), "the module compiled");
        assertTrue(filter.getFile("target/test-classes/filter/FilterModuleTest.class").exists(), "its test compiled");
        assertTrue(filter.getFile("target/classes/simplelogger.properties").exists(),
                "the logging configuration is on the classpath of IDE launches");
        // the SDK resolves through the container, with its source attached
        IType client = java.findType("com.microsoft.azure.sdk.iot.device.ModuleClient");
        assertNotNull(client);
        assertNotNull(client.getClassFile().getSource(), "source attachment of the device SDK");
    }

    @Test
    void theContainerProvidesEveryDependencyOfAGeneratedPomAtItsVersion() throws Exception {
        IProject solution = runSolutionWizard("modules-pom");
        projects.add(ModuleProjects.find(solution, "Filter"));
        String pom = new String(solution.getFile("modules/Filter/pom.xml").getContents().readAllBytes(),
                StandardCharsets.UTF_8);
        Map<String, String> properties = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>").matcher(pom).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
        Set<String> jars = EdgeModuleLibraries.libraries().stream().map(EdgeModuleLibraries.Library::fileName)
                .collect(Collectors.toSet());

        Matcher dependency = Pattern.compile("<artifactId>([^<]+)</artifactId><version>\\$\\{([^}]+)}</version>")
                .matcher(pom);
        int checked = 0;
        while (dependency.find()) {
            String jar = dependency.group(1).replace("junit-jupiter", "junit-jupiter-api") + "-"
                    + properties.get(dependency.group(2)) + ".jar";
            assertTrue(jars.contains(jar), jar + " in " + jars);
            checked++;
        }
        assertEquals(5, checked, pom);
        assertTrue(EdgeModuleLibraries.libraries().stream()
                .allMatch(l -> l.sources() != null || l.fileName().startsWith("jackson-core-")),
                "every jar but jackson-core has its sources");
    }

    @Test
    void aRebuildAfterASolutionEditKeepsTheEditedHandlerAndRegeneratesThePlumbing() throws Exception {
        IProject solution = runSolutionWizard("modules-rebuild");
        IProject filter = ModuleProjects.find(solution, "Filter");
        projects.add(filter);
        buildAndAssertNoErrors(filter);
        IFile handler = filter.getFile("src/main/java/filter/FilterHandler.java");
        IFile plumbing = filter.getFile("src/main/java/filter/FilterModule.java");
        assertFalse(handler.isDerived(), "the handler is the user's");
        assertTrue(solution.getFile("modules/Filter/src/main/java/filter/FilterModule.java").isDerived(),
                "regenerated files are derived");
        String edited = read(handler).replace("public class FilterHandler implements FilterInputs {", """
                public class FilterHandler implements FilterInputs {

                	/** Written by the user. */
                	private int received;
                """).replace("module.sendOutput1(message);", "received++;\n\t\tmodule.sendOutput1(message);");
        assertTrue(edited.contains("received++"), edited);
        Workbench.write(filter, handler.getProjectRelativePath().toString(), edited);

        IFile edge = solution.getFile("modules-rebuild.edge");
        Workbench.write(solution, edge.getName(), read(edge).replace("    output output1: Telemetry\n",
                "    output output1: Telemetry\n    output alerts: Telemetry\n"));
        buildAndAssertNoErrors(filter);

        assertEquals(edited, read(handler), "the edited handler survives the rebuild");
        assertTrue(read(plumbing).contains("alerts"), "the plumbing has the new output");
    }

    @Test
    void newModuleWizardImportsTheNewJavaModuleAsAProjectThatCompilesWithoutErrors() throws Exception {
        IProject solution = Workbench.createProject("modules-new-module");
        projects.add(solution);
        EdgeNature.addTo(solution);
        IFile file = Workbench.write(solution, "plant.edge", """
                solution Plant {
                    device "plant-dev"
                }
                message Reading {
                    value: double
                }
                module Sensor {
                    image "registry.local/sensor:1.0"
                    output out: Reading
                }
                route SensorToCounter: Sensor.out -> Counter.readings
                """);
        NewModuleWizard wizard = new NewModuleWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(file));
        WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
        dialog.create();
        wizard.fill("Counter", 0, "", "readings: Reading", "counted: Reading");
        assertTrue(wizard.performFinish(), wizard.problem());
        dialog.close();

        IProject counter = ModuleProjects.find(solution, "Counter");
        assertNotNull(counter, "the new Counter module was imported as a project");
        projects.add(counter);
        buildAndAssertNoErrors(counter);
        assertTrue(counter.getFile("target/classes/counter/CounterHandler.class").exists(), "the module compiled");
    }

    @Test
    void aJavaModuleWrittenByHandIsGeneratedAndImportedByTheBuilder() throws Exception {
        IProject solution = Workbench.createProject("modules-by-hand");
        projects.add(solution);
        EdgeNature.addTo(solution);
        Workbench.write(solution, "plant.edge", """
                solution Plant {
                    device "plant-dev"
                }
                message Reading {
                    value: double
                }
                module Relay java {
                    input in: Reading
                    output out: Reading
                }
                route RelayToCloud: Relay.out -> $upstream
                """);

        solution.build(IncrementalProjectBuilder.FULL_BUILD, null);

        assertTrue(solution.getFile("modules/Relay/src/main/java/relay/RelayHandler.java").exists());
        Workbench.waitUntil("the Relay module imported", BUILD_TIMEOUT, () -> ModuleProjects.find(solution, "Relay") != null);
        IProject relay = ModuleProjects.find(solution, "Relay");
        projects.add(relay);
        buildAndAssertNoErrors(relay);
        assertTrue(relay.getFile("target/classes/relay/RelayModule.class").exists(), "the module compiled");
    }

    @Test
    void renamingAJavaModuleRemovesTheOldProjectAndItsUneditedFolderAndImportsTheNewOne() throws Exception {
        IProject solution = Workbench.createProject("modules-rename");
        projects.add(solution);
        EdgeNature.addTo(solution);
        IFile edge = Workbench.write(solution, "plant.edge", relaySolution("Relay"));
        solution.build(IncrementalProjectBuilder.FULL_BUILD, null);
        Workbench.waitUntil("the Relay module imported", BUILD_TIMEOUT, () -> ModuleProjects.find(solution, "Relay") != null);
        IProject relay = ModuleProjects.find(solution, "Relay");
        buildAndAssertNoErrors(relay);
        assertTrue(relay.getFile("target/classes/relay/RelayModule.class").exists(), "the module compiled");
        Path relayDir = solution.getLocation().append("modules/Relay").toPath();

        Workbench.write(solution, edge.getName(), relaySolution("Forwarder"));
        solution.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

        Workbench.waitUntil("the Forwarder module imported and Relay removed", BUILD_TIMEOUT,
                () -> ModuleProjects.find(solution, "Forwarder") != null && !relay.exists()
                        && !Files.exists(relayDir));
        projects.add(ModuleProjects.find(solution, "Forwarder"));
        assertFalse(solution.getFolder("modules/Relay").exists(), "the unedited folder of Relay is deleted");
        assertEquals(List.of(), keptMarkers(edge));
        buildAndAssertNoErrors(ModuleProjects.find(solution, "Forwarder"));
    }

    @Test
    void aRemovedModuleWithAnEditedHandlerLosesItsProjectButKeepsItsFolderWithAnInfoMarker() throws Exception {
        IProject solution = Workbench.createProject("modules-remove-edited");
        projects.add(solution);
        EdgeNature.addTo(solution);
        IFile edge = Workbench.write(solution, "plant.edge", relaySolution("Relay"));
        solution.build(IncrementalProjectBuilder.FULL_BUILD, null);
        Workbench.waitUntil("the Relay module imported", BUILD_TIMEOUT, () -> ModuleProjects.find(solution, "Relay") != null);
        IProject relay = ModuleProjects.find(solution, "Relay");
        buildAndAssertNoErrors(relay);
        IFile handler = relay.getFile("src/main/java/relay/RelayHandler.java");
        String edited = read(handler).replace("public class RelayHandler implements RelayInputs {",
                "public class RelayHandler implements RelayInputs {\n\n\t/** Written by the user. */\n\tprivate int received;\n");
        Workbench.write(relay, handler.getProjectRelativePath().toString(), edited);
        Path handlerOnDisk = solution.getLocation().append("modules/Relay")
                .append(handler.getProjectRelativePath()).toPath();

        Workbench.write(solution, edge.getName(), """
                solution Plant {
                    device "plant-dev"
                }
                """);
        solution.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

        Workbench.waitUntil("the Relay project removed and a marker on plant.edge", BUILD_TIMEOUT,
                () -> !relay.exists() && !keptMarkers(edge).isEmpty());
        assertTrue(Files.exists(handlerOnDisk), "the project was removed without its files");
        assertEquals(edited, Files.readString(handlerOnDisk));
        assertTrue(solution.getFolder("modules/Relay").exists(), "the edited folder is kept");
        IMarker marker = keptMarkers(edge).get(0);
        assertEquals(IMarker.SEVERITY_INFO, marker.getAttribute(IMarker.SEVERITY, -1));
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("modules/Relay") && message.contains("src/main/java/relay/RelayHandler.java"), message);

        // declared again: imported again with the user's handler, and the note is gone
        Workbench.write(solution, edge.getName(), relaySolution("Relay"));
        solution.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        Workbench.waitUntil("the Relay module imported again", BUILD_TIMEOUT,
                () -> ModuleProjects.find(solution, "Relay") != null && keptMarkers(edge).isEmpty());
        IProject again = ModuleProjects.find(solution, "Relay");
        projects.add(again);
        assertEquals(edited, read(again.getFile(handler.getProjectRelativePath())));
        buildAndAssertNoErrors(again);
    }

    private static String relaySolution(String module) {
        return """
                solution Plant {
                    device "plant-dev"
                }
                message Reading {
                    value: double
                }
                module %1$s java {
                    input in: Reading
                    output out: Reading
                }
                route %1$sToCloud: %1$s.out -> $upstream
                """.formatted(module);
    }

    private static List<IMarker> keptMarkers(IFile file) {
        try {
            return List.of(file.findMarkers(EdgeUi.KEPT_MODULE_MARKER, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private IProject runSolutionWizard(String name) throws CoreException {
        EdgeSolutionWizard wizard = new EdgeSolutionWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        wizard.setInitialProjectName(name);
        WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
        dialog.create();
        assertTrue(wizard.performFinish());
        dialog.close();
        IProject solution = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        projects.add(solution);
        return solution;
    }

    /** Waits for the auto-build, builds what is left, and asserts that the project has no error marker. */
    private static void buildAndAssertNoErrors(IProject project) throws CoreException {
        Workbench.waitUntil("the auto-build to finish", BUILD_TIMEOUT,
                () -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0);
        ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
        List<String> errors = Arrays.stream(project.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE))
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
                .map(m -> m.getResource().getProjectRelativePath() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + ": "
                        + m.getAttribute(IMarker.MESSAGE, ""))
                .toList();
        assertEquals(List.of(), errors, "errors in " + project.getName());
    }

    private static String read(IFile file) throws Exception {
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        return new String(file.getContents(true).readAllBytes(), StandardCharsets.UTF_8);
    }
}
