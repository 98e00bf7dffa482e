package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.quickfix.EdgeQuickAssistProcessor;

/** Quick fixes from the language server: in the Problems view (marker resolutions) and with Ctrl+1. */
class EdgeQuickFixTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String SOLUTION = """
            message Reading {
                value: double
            }

            module Sensor {
                image "registry.local/sensor:1.0"
                output out: Reading
            }

            module Filter java {
                input input1: Reading
            }

            route SensorToFilter: Sensor.out -> Filter.inptu1
            """;

    private IProject project;
    private IFile file;

    @BeforeEach
    void createFile() throws CoreException {
        project = Workbench.createProject("edge-quickfix-test");
        file = Workbench.write(project, "plant.edge", SOLUTION);
    }

    @AfterEach
    void deleteProject() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void markerResolutionRenamesTheMistypedInputAndTheErrorGoes() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), file);
        IMarker marker = waitForErrorAbout("inptu1");

        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        IMarkerResolution fix = Arrays.stream(resolutions).filter(r -> r.getLabel().contains("input1")).findFirst()
                .orElseThrow(() -> new AssertionError("no fix naming input1 in " + labels(resolutions)));
        fix.run(marker);

        assertTrue(document(editor).get().contains("-> Filter.input1\n"), document(editor).get());
        Workbench.waitUntil("the error to go", TIMEOUT, () -> errors().isEmpty());
    }

    @Test
    void ctrl1OffersTheSameFixAtTheCaret() throws CoreException {
        IEditorPart editor = IDE.openEditor(Workbench.page(), file);
        waitForErrorAbout("inptu1");
        int offset = SOLUTION.indexOf("inptu1") + 2;

        ICompletionProposal[] proposals = new EdgeQuickAssistProcessor().computeQuickAssistProposals(
                new TextInvocationContext((ISourceViewer) Workbench.viewer(editor), offset, 0));

        ICompletionProposal fix = Arrays.stream(proposals).filter(p -> p.getDisplayString().contains("input1"))
                .findFirst().orElseThrow(() -> new AssertionError("no Ctrl+1 fix naming input1"));
        fix.apply(document(editor));
        assertTrue(document(editor).get().contains("-> Filter.input1\n"), document(editor).get());
    }

    private IMarker waitForErrorAbout(String text) {
        Workbench.waitUntil("an error about " + text, TIMEOUT, () -> errors().stream()
                .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains(text)));
        IMarker marker = errors().stream().filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains(text))
                .findFirst().orElseThrow();
        assertNotNull(marker.getAttribute(EdgeUi.PROBLEM_CODE, null), "the marker keeps the issue code");
        return marker;
    }

    private List<IMarker> errors() {
        return Workbench.errors(file);
    }

    private static IDocument document(IEditorPart editor) {
        ITextEditor text = (ITextEditor) editor;
        return text.getDocumentProvider().getDocument(text.getEditorInput());
    }

    private static List<String> labels(IMarkerResolution[] resolutions) {
        return Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList();
    }
}
