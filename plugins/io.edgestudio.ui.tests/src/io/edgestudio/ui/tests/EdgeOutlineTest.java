package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.internal.editor.EdgeOutlinePage;

/** The Outline view shows a .edge file's structure and follows the selection both ways. */
class EdgeOutlineTest {

    private static final String SOLUTION = """
            message Telemetry {
                temperature: double
            }

            module Sensor {
                image "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5"
                output temperatureOutput: Telemetry
            }

            route ToCloud: Sensor.temperatureOutput -> $upstream
            """;

    private IProject project;
    private IFile file;

    @BeforeEach
    void createFile() throws CoreException {
        project = Workbench.createProject("edge-outline-test");
        file = Workbench.write(project, "sensor.edge", SOLUTION);
    }

    @AfterEach
    void deleteProject() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void outlineListsElementsAndSyncsSelection() throws Exception {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        ContentOutline outline = (ContentOutline) Workbench.page().showView(IPageLayout.ID_OUTLINE);
        Workbench.page().activate(editor);
        Workbench.waitUntil("the edge outline page", Duration.ofSeconds(30),
                () -> outline.getCurrentPage() instanceof EdgeOutlinePage page && !page.symbols().isEmpty());
        EdgeOutlinePage page = assertInstanceOf(EdgeOutlinePage.class, outline.getCurrentPage());

        List<String> names = page.symbols().stream().map(DocumentSymbol::getName).toList();
        assertTrue(names.containsAll(List.of("Telemetry", "Sensor", "ToCloud")), names.toString());
        DocumentSymbol sensor = page.symbols().stream().filter(s -> s.getName().equals("Sensor")).findFirst().get();
        assertTrue(sensor.getChildren().stream().anyMatch(c -> c.getName().endsWith("temperatureOutput")),
                sensor.getChildren().toString());

        page.setSelection(new StructuredSelection(sensor));
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals("Sensor", selection.getText());

        int routeOffset = SOLUTION.indexOf("ToCloud");
        editor.selectAndReveal(routeOffset, 0);
        Workbench.waitUntil("the outline to select the route", Duration.ofSeconds(10), () ->
                page.getSelection() instanceof StructuredSelection s && s.getFirstElement() instanceof DocumentSymbol d
                        && d.getName().equals("ToCloud"));
    }
}
