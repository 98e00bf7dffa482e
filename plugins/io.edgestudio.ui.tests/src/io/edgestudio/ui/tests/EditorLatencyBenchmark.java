package io.edgestudio.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.dsl.testing.LargeSolutions;
import io.edgestudio.dsl.testing.Latencies;


/**
 * Keystroke to updated problem annotation on the 1,978-line {@link LargeSolutions#ring()}, in a real workbench. Prints the
 * numbers; run on demand:
 * {@code xvfb-run -a ./mvnw verify -pl plugins/io.edgestudio.ui,plugins/io.edgestudio.ui.tests -am -Dtest=EditorLatencyBenchmark}
 */
class EditorLatencyBenchmark {

    private static final int ROUNDS = 20;

    private IProject project;
    private IFile file;

    @BeforeEach
    void createLargeSolution() throws CoreException {
        project = Workbench.createProject("edge-latency");
        file = Workbench.write(project, "large.edge", LargeSolutions.ring());
    }

    @AfterEach
    void deleteProject() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void keystrokeToAnnotation() throws CoreException {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        String text = document.get();
        int input = LargeSolutions.lastRouteInput(text);
        int lines = document.getNumberOfLines();
        Workbench.waitUntil("the first validation", Duration.ofSeconds(60), () -> errors() == 0);

        List<Long> breakMillis = new ArrayList<>();
        List<Long> fixMillis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            breakMillis.add(time(() -> replace(document, input, "in", "ix"), () -> errors() > 0));
            fixMillis.add(time(() -> replace(document, input, "ix", "in"), () -> errors() == 0));
        }
        System.out.printf("EditorLatencyBenchmark: %d lines, %d rounds%n", lines, ROUNDS);
        System.out.printf("  keystroke -> error marker shown:   %s%n", Latencies.summary(breakMillis));
        System.out.printf("  keystroke -> error marker cleared: %s%n", Latencies.summary(fixMillis));
    }

    private static void replace(IDocument document, int offset, String expected, String replacement) {
        try {
            if (!document.get(offset, expected.length()).equals(expected)) {
                throw new IllegalStateException("unexpected text at " + offset);
            }
            document.replace(offset, expected.length(), replacement);
        } catch (org.eclipse.jface.text.BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable keystroke, java.util.function.BooleanSupplier done) {
        long start = System.nanoTime();
        keystroke.run();
        Workbench.waitUntil("the annotation update", Duration.ofSeconds(30), done);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private long errors() {
        return Workbench.errors(file).size();
    }
}
