package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.editor.EdgeContentAssistProcessor;
import io.edgestudio.ui.internal.editor.EdgeHyperlinkDetector;
import io.edgestudio.ui.internal.editor.EdgeTextHover;

/** The .edge editor's language services, end to end in a real workbench with a multi-file solution. */
class EdgeEditorServicesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String MESSAGES = """
            package thermo

            /** One reading of the machine's sensors. */
            message Telemetry {
                temperature: double unit "degC"
            }
            """;

    private static final String SOLUTION = """
            import thermo.*

            solution Thermostat {
                device "thermostat-dev"
            }

            module Sensor {
                image "mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.5"
                output temperatureOutput: Telemetry
            }

            module Filter java {
                input input1: Telemetry
                output output1: Telemetry
            }

            route SensorToFilter: Sensor.temperatureOutput -> Filter.input1
            route FilterToCloud: Filter.output1 -> $upstream
            """;

    private IProject project;
    private IFile messages;
    private IFile solution;

    @BeforeEach
    void createSolution() throws CoreException {
        project = Workbench.createProject("edge-services-test");
        messages = Workbench.write(project, "messages.edge", MESSAGES);
        solution = Workbench.write(project, "thermostat.edge", SOLUTION);
    }

    @AfterEach
    void deleteSolution() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void errorsShowAsYouTypeAndClearWhenFixed() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        waitForErrors(solution, 0);
        IDocument document = document(editor);

        document.set(SOLUTION.replace("-> Filter.input1", "-> Filter.inptu1"));

        Workbench.waitUntil("an error about inptu1", TIMEOUT, () -> errors(solution).stream()
                .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("inptu1")));
        IMarker error = errors(solution).stream()
                .filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("inptu1")).findFirst().get();
        assertEquals(17, error.getAttribute(IMarker.LINE_NUMBER, -1), "line of the broken route");
        int start = error.getAttribute(IMarker.CHAR_START, -1);
        assertEquals("inptu1", document.get().substring(start, error.getAttribute(IMarker.CHAR_END, -1)));

        document.set(SOLUTION);
        waitForErrors(solution, 0);
    }

    @Test
    void aChangeInOneFileRevalidatesTheFilesThatUseIt() throws CoreException {
        IDE.openEditor(Workbench.page(), messages);
        waitForErrors(solution, 0);

        Workbench.write(project, "messages.edge", MESSAGES.replace("message Telemetry", "message Reading"));

        Workbench.waitUntil("errors in the file that uses the renamed message", TIMEOUT, () -> errors(solution).stream()
                .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("Telemetry")));
        List<Integer> lines = errors(solution).stream()
                .filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("Telemetry"))
                .map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1)).toList();
        assertTrue(List.of(9, 13, 14).containsAll(lines), "errors on the lines that use Telemetry: " + lines);
    }

    @Test
    void contentAssistProposesTheInputsOfTheSinkModule() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        IDocument document = document(editor);

        ICompletionProposal[] proposals = proposalsAtEnd(editor, SOLUTION + "route More: Sensor.temperatureOutput -> Filter.");

        List<String> labels = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("input1")), labels.toString());
        proposals[labels.indexOf(labels.stream().filter(l -> l.startsWith("input1")).findFirst().get())].apply(document);
        assertTrue(document.get().endsWith("-> Filter.input1"), document.get());
    }

    @Test
    void contentAssistOffersTemplatesForNewElements() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        IDocument document = document(editor);

        ICompletionProposal[] proposals = proposalsAtEnd(editor, SOLUTION + "\nrou");

        ICompletionProposal route = Arrays.stream(proposals)
                .filter(p -> p.getDisplayString().startsWith("route - ")).findFirst().orElseThrow();
        route.apply(document);
        assertTrue(document.get().endsWith("\nroute Name: Module.output1 -> $upstream"), document.get());
    }

    @Test
    void hoverShowsTheDocumentationOfTheReferencedMessage() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        int offset = SOLUTION.indexOf("Telemetry") + 2;

        String hover = new EdgeTextHover().getHoverInfo(Workbench.viewer(editor), new Region(offset, 0));

        assertNotNull(hover);
        assertTrue(hover.contains("One reading of the machine's sensors."), hover);
    }

    @Test
    void hyperlinkOpensTheDeclarationInAnotherFile() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        ITextViewer viewer = Workbench.viewer(editor);
        int offset = SOLUTION.indexOf("Telemetry") + 2;

        IHyperlink[] links = new EdgeHyperlinkDetector().detectHyperlinks(viewer, new Region(offset, 0), false);

        assertNotNull(links, "no hyperlink on a message reference");
        assertEquals(new Region(SOLUTION.indexOf("Telemetry"), "Telemetry".length()), links[0].getHyperlinkRegion());
        links[0].open();
        ITextEditor target = (ITextEditor) Workbench.page().getActiveEditor();
        assertEquals(messages, target.getEditorInput().getAdapter(IFile.class));
        ITextSelection selection = (ITextSelection) target.getSelectionProvider().getSelection();
        assertEquals("Telemetry", selection.getText());
    }

    @Test
    void formatCommandReformatsTheWholeFile() throws Exception {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        IDocument document = document(editor);
        String mangled = SOLUTION.replace("\n    ", "\n").replace(" -> ", "->").replace("module Filter java {",
                "module   Filter   java{");
        document.set(mangled);

        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.edgestudio.ui.format", null);

        String formatted = document.get();
        assertTrue(formatted.contains("\n    output temperatureOutput: Telemetry\n"), formatted);
        assertTrue(formatted.contains("module Filter java {"), formatted);
        assertTrue(formatted.contains("route SensorToFilter: Sensor.temperatureOutput -> Filter.input1"), formatted);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("io.edgestudio.ui.format", null);
        assertEquals(formatted, document.get(), "formatting is idempotent");
    }

    @Test
    void keywordsAndStringsAreColouredFromTheTheme() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        StyledText text = Workbench.viewer(editor).getTextWidget();
        ColorRegistry colors = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
        int keyword = SOLUTION.indexOf("module Sensor");
        int string = SOLUTION.indexOf("\"thermostat-dev\"") + 1;

        Workbench.waitUntil("keyword colouring", TIMEOUT, () -> text.getStyleRangeAtOffset(keyword) != null);

        StyleRange keywordStyle = text.getStyleRangeAtOffset(keyword);
        assertEquals(colors.get("io.edgestudio.ui.syntax.keyword"), keywordStyle.foreground);
        assertEquals(SWT.BOLD, keywordStyle.fontStyle & SWT.BOLD);
        assertEquals(colors.get("io.edgestudio.ui.syntax.string"), text.getStyleRangeAtOffset(string).foreground);
        StyleRange name = text.getStyleRangeAtOffset(SOLUTION.indexOf("Sensor {") + 1);
        assertNotEquals(colors.get("io.edgestudio.ui.syntax.keyword"), name == null ? null : name.foreground,
                "a name is not a keyword");
    }

    @Test
    void namesAreColouredByWhatTheyNameAndKeepTheirColourThroughEdits() throws Exception {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        ITextViewer viewer = Workbench.viewer(editor);
        StyledText text = viewer.getTextWidget();
        ColorRegistry colors = PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
        Color module = colors.get("io.edgestudio.ui.syntax.module");
        Color port = colors.get("io.edgestudio.ui.syntax.port");
        int moduleReference = SOLUTION.indexOf("Filter.input1");
        int portReference = moduleReference + "Filter.".length();
        int typeReference = SOLUTION.indexOf("Telemetry", SOLUTION.indexOf("output temperatureOutput"));
        int moduleDeclaration = SOLUTION.indexOf("Sensor {");

        Workbench.waitUntil("semantic colouring", TIMEOUT, () -> module.equals(foreground(text, moduleReference)));

        assertEquals(port, foreground(text, portReference));
        assertEquals(colors.get("io.edgestudio.ui.syntax.type"), foreground(text, typeReference));
        assertEquals(module, foreground(text, moduleDeclaration));
        assertEquals(SWT.BOLD, text.getStyleRangeAtOffset(moduleDeclaration).fontStyle & SWT.BOLD, "declarations are bold");
        assertEquals(0, text.getStyleRangeAtOffset(moduleReference).fontStyle & SWT.BOLD, "references are not");

        viewer.getDocument().replace(0, 0, "\n\n");
        assertEquals(module, foreground(text, moduleReference + 2), "an edit before a name moves its colour at once");
        viewer.getDocument().replace(viewer.getDocument().get().indexOf("route FilterToCloud"), 0,
                "route FilterAgain: Filter.output1 -> $upstream\n");
        int added = viewer.getDocument().get().indexOf("Filter.output1");
        Workbench.waitUntil("colouring of the new route", TIMEOUT, () -> module.equals(foreground(text, added))
                && port.equals(foreground(text, added + "Filter.".length())));
    }

    private static Color foreground(StyledText text, int offset) {
        StyleRange style = text.getStyleRangeAtOffset(offset);
        return style == null ? null : style.foreground;
    }

    @Test
    void everyMultiLineBlockFolds() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), solution);
        ProjectionViewer viewer = (ProjectionViewer) Workbench.viewer(editor);

        Workbench.waitUntil("folding regions", TIMEOUT, () -> foldingRegions(viewer).size() == 3);

        IDocument document = document(editor);
        List<String> firstLines = foldingRegions(viewer).stream()
                .map(p -> document.get().substring(p.getOffset(), document.get().indexOf('\n', p.getOffset())))
                .sorted().toList();
        assertEquals(List.of("module Filter java {", "module Sensor {", "solution Thermostat {"), firstLines);
    }

    private static List<Position> foldingRegions(ProjectionViewer viewer) {
        ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
        List<Position> regions = new java.util.ArrayList<>();
        if (model != null) {
            model.getAnnotationIterator().forEachRemaining(a -> regions.add(model.getPosition(a)));
        }
        return regions;
    }

    @Test
    void editorServicesAreRegisteredForTheEdgeContentType() {
        for (String point : List.of("reconcilers", "presentationReconcilers", "contentAssistProcessors",
                "hoverProviders", "characterPairMatchers", "foldingReconcilers")) {
            boolean registered = Arrays.stream(Platform.getExtensionRegistry()
                    .getConfigurationElementsFor("org.eclipse.ui.genericeditor." + point))
                    .anyMatch(e -> EdgeUi.EDGE_CONTENT_TYPE.equals(e.getAttribute("contentType")));
            assertTrue(registered, point);
        }
    }

    /** Replaces the editor's text and asks content assist for proposals at its end. */
    private static ICompletionProposal[] proposalsAtEnd(IEditorPart editor, String text) {
        document(editor).set(text);
        return new EdgeContentAssistProcessor().computeCompletionProposals(Workbench.viewer(editor), text.length());
    }

    private static IDocument document(IEditorPart editor) {
        ITextEditor text = (ITextEditor) editor;
        return text.getDocumentProvider().getDocument(text.getEditorInput());
    }

    private static List<IMarker> errors(IFile file) {
        return Workbench.errors(file);
    }

    private static void waitForErrors(IFile file, int count) {
        Workbench.waitUntil(count + " error markers on " + file.getName(), TIMEOUT, () -> errors(file).size() == count);
    }
}
