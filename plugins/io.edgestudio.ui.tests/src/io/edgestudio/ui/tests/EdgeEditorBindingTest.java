package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.EdgeUi;

/** A workspace {@code .edge} file opens in the Generic Editor through Edge Studio's content type. */
class EdgeEditorBindingTest {

    private static final String SOLUTION = """
            solution Thermostat {
                deviceId "thermostat-dev"
            }
            """;

    private IProject project;
    private IFile file;

    @BeforeEach
    void createProjectWithEdgeFile() throws CoreException {
        project = Workbench.createProject("edge-binding-test");
        file = project.getFile("thermostat.edge");
        file.create(new ByteArrayInputStream(SOLUTION.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
    }

    @AfterEach
    void deleteProject() throws CoreException {
        Workbench.deleteProject(project);
    }

    @Test
    void edgeFilesHaveTheEdgeContentType() throws CoreException {
        IContentType byName = Platform.getContentTypeManager().findContentTypeFor("any.edge");
        assertNotNull(byName, "no content type for *.edge");
        assertEquals(EdgeUi.EDGE_CONTENT_TYPE, byName.getId());
        assertTrue(byName.isKindOf(Platform.getContentTypeManager().getContentType("org.eclipse.core.runtime.text")));

        IContentDescription description = file.getContentDescription();
        assertNotNull(description, "workspace file has no content description");
        assertEquals(EdgeUi.EDGE_CONTENT_TYPE, description.getContentType().getId());
        assertEquals("UTF-8", description.getCharset());
    }

    @Test
    void edgeFileOpensInTheGenericEditor() throws CoreException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertEquals(EdgeUi.EDGE_EDITOR_ID, IDE.getEditorDescriptor(file, true, false).getId());

        IEditorPart editor = IDE.openEditor(page, file);

        assertEquals(EdgeUi.EDGE_EDITOR_ID, editor.getEditorSite().getId());
        assertEquals(file, ((FileEditorInput) editor.getEditorInput()).getFile());
        ITextEditor textEditor = assertInstanceOf(ITextEditor.class, editor);
        IDocument document = textEditor.getDocumentProvider().getDocument(editor.getEditorInput());
        assertEquals(SOLUTION, document.get());
        assertEquals(editor, page.getActiveEditor());
    }
}
