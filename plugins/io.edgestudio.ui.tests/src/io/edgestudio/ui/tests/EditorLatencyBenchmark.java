package io.edgestudio.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.dsl.testing.LargeSolutions;
import io.edgestudio.dsl.testing.Latencies;


/**
 * Keystroke to updated problem annotation on the 1,978-line {@link LargeSolutions#ring()}, in a real workbench:
 * the time until the problem marker exists and until the editor's annotation model (what the user sees) shows or
 * drops it. Prints the numbers; run on demand:
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
        IAnnotationModel annotations = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        String text = document.get();
        int input = LargeSolutions.lastRouteInput(text);
        int lines = document.getNumberOfLines();
        Workbench.waitUntil("the first validation", Duration.ofSeconds(60),
                () -> errors() == 0 && errorAnnotations(annotations) == 0);

        List<Long> markerShown = new ArrayList<>();
        List<Long> annotationShown = new ArrayList<>();
        List<Long> markerCleared = new ArrayList<>();
        List<Long> annotationCleared = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long[] shown = time(() -> replace(document, input, "in", "ix"), () -> errors() > 0,
                    () -> errorAnnotations(annotations) > 0);
            markerShown.add(shown[0]);
            annotationShown.add(shown[1]);
            long[] cleared = time(() -> replace(document, input, "ix", "in"), () -> errors() == 0,
                    () -> errorAnnotations(annotations) == 0);
            markerCleared.add(cleared[0]);
            annotationCleared.add(cleared[1]);
        }
        System.out.printf("EditorLatencyBenchmark: %d lines, %d rounds%n", lines, ROUNDS);
        System.out.printf("  keystroke -> error marker created:    %s%n", Latencies.summary(markerShown));
        System.out.printf("  keystroke -> error annotation shown:  %s%n", Latencies.summary(annotationShown));
        System.out.printf("  keystroke -> error marker deleted:    %s%n", Latencies.summary(markerCleared));
        System.out.printf("  keystroke -> error annotation gone:   %s%n", Latencies.summary(annotationCleared));
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

    /** Milliseconds from the keystroke until {@code markers} holds, and until {@code annotations} holds. */
    private static long[] time(Runnable keystroke, java.util.function.BooleanSupplier markers,
            java.util.function.BooleanSupplier annotations) {
        long start = System.nanoTime();
        long[] millis = {-1, -1};
        keystroke.run();
        Workbench.waitUntil("the marker and annotation update", Duration.ofSeconds(30), () -> {
            long now = (System.nanoTime() - start) / 1_000_000;
            if (millis[0] < 0 && markers.getAsBoolean()) {
                millis[0] = now;
            }
            if (millis[1] < 0 && annotations.getAsBoolean()) {
                millis[1] = now;
            }
            return millis[0] >= 0 && millis[1] >= 0;
        });
        return millis;
    }

    /** Error annotations of problem markers in the editor's annotation model. */
    private static long errorAnnotations(IAnnotationModel model) {
        long count = 0;
        for (var it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation annotation = it.next();
            if (annotation instanceof MarkerAnnotation marker && !annotation.isMarkedDeleted()
                    && marker.getMarker().exists()
                    && marker.getMarker().getAttribute(org.eclipse.core.resources.IMarker.SEVERITY, -1)
                            == org.eclipse.core.resources.IMarker.SEVERITY_ERROR) {
                count++;
            }
        }
        return count;
    }

    private long errors() {
        return Workbench.errors(file).size();
    }
}
