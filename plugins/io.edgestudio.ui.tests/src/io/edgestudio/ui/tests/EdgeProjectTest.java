package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.project.EdgeBuilder;
import io.edgestudio.ui.internal.project.EdgeNature;
import io.edgestudio.ui.internal.wizards.EdgeSolutionWizard;
import io.edgestudio.ui.internal.wizards.NewModuleWizard;

/** Edge Solution projects: the New Edge Solution wizard, the nature and the builder. */
class EdgeProjectTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private IProject project;

    @AfterEach
    void deleteProject() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void newSolutionWizardCreatesAProjectWhoseSolutionValidatesClean() throws CoreException {
        EdgeSolutionWizard wizard = new EdgeSolutionWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        wizard.setInitialProjectName("wizard-thermostat");
        WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
        dialog.create();

        assertTrue(wizard.performFinish());
        dialog.close();

        project = ResourcesPlugin.getWorkspace().getRoot().getProject("wizard-thermostat");
        assertTrue(project.hasNature(EdgeNature.ID));
        assertTrue(Arrays.stream(project.getDescription().getBuildSpec())
                .anyMatch(c -> EdgeBuilder.ID.equals(c.getBuilderName())));
        IFile solution = project.getFile("wizard-thermostat.edge");
        assertTrue(solution.exists());
        assertEquals(solution, Workbench.page().getActiveEditor().getEditorInput().getAdapter(IFile.class));
        // prove that validation runs on this file: break it, see the error, restore it, see it clean
        ITextEditor editor = (ITextEditor) Workbench.page().getActiveEditor();
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String example = document.get();
        document.set(example + "route Broken: Nowhere.out -> $upstream\n");
        Workbench.waitUntil("an error about Nowhere", TIMEOUT, () -> errors(solution).stream()
                .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("Nowhere")));
        document.set(example);
        Workbench.waitUntil("the example to validate clean", TIMEOUT, () -> errors(solution).isEmpty());
    }

    @Test
    void buildGeneratesTheDeploymentManifestsAndRefusesASolutionWithErrors() throws Exception {
        project = Workbench.createProject("edge-generate-test");
        EdgeNature.addTo(project);
        IFile solution = Workbench.write(project, "plant.edge", """
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
                route SensorToCloud: Sensor.out -> $upstream
                """);

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        IFile manifest = project.getFile("config/deployment.amd64.json");
        IFile debug = project.getFile("config/deployment.debug.amd64.json");
        assertTrue(manifest.exists() && debug.exists(), "manifests generated");
        assertTrue(manifest.isDerived());
        String json = new String(manifest.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"FROM /messages/modules/Sensor/outputs/out INTO $upstream\""), json);
        assertEquals(0, project.findMarkers(EdgeUi.BUILD_MARKER, false, IResource.DEPTH_ZERO).length);

        Workbench.write(project, "plant.edge", new String(solution.getContents().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("Sensor.out ->", "Sensr.out ->"));
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

        IMarker[] buildProblems = project.findMarkers(EdgeUi.BUILD_MARKER, false, IResource.DEPTH_ZERO);
        assertEquals(1, buildProblems.length);
        assertTrue(buildProblems[0].getAttribute(IMarker.MESSAGE, "").contains("were not generated"));

        project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
        assertTrue(!manifest.exists(), "clean removes generated manifests");
    }

    @Test
    void newModuleWizardAddsAModuleThatValidatesAndRejectsBadNames() throws CoreException, java.io.IOException {
        project = Workbench.createProject("edge-module-test");
        IFile solution = Workbench.write(project, "plant.edge", """
                message Reading {
                    value: double
                }

                module Sensor {
                    image "registry.local/sensor:1.0"
                    output out: Reading
                }
                """);
        NewModuleWizard wizard = new NewModuleWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(solution));
        WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
        dialog.create();

        wizard.fill("Bad Name", 0, "", "input1: Reading", "");
        assertTrue(wizard.problem() != null && wizard.problem().contains("module name"), wizard.problem());
        wizard.fill("Filter", 0, "", "input1: Reading", "alerts: Reading");
        assertEquals(null, wizard.problem());
        assertTrue(wizard.performFinish());
        dialog.close();

        String text = new String(solution.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.endsWith("""

                module Filter java {
                    input input1: Reading
                    output alerts: Reading
                }
                """), text);
        Workbench.waitUntil("the new module validated", TIMEOUT, () -> errors(solution).isEmpty()
                && Workbench.problems(solution).stream().anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("alerts")));
    }

    @Test
    void buildingReportsProblemsOfFilesNoEditorShows() throws CoreException {
        project = Workbench.createProject("edge-build-test");
        EdgeNature.addTo(project);
        IFile broken = Workbench.write(project, "broken.edge", """
                module Sensor {
                    image "sensor:1.0"
                    output out: Reading
                }
                """);

        project.build(IncrementalProjectBuilder.FULL_BUILD, null);

        Workbench.waitUntil("an error about the unknown message type", TIMEOUT, () -> errors(broken).stream()
                .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("Reading")));
        assertEquals(3, errors(broken).get(0).getAttribute(IMarker.LINE_NUMBER, -1));
    }

    private static List<IMarker> errors(IFile file) {
        return Workbench.errors(file);
    }
}
