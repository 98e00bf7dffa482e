package io.edgestudio.ui.internal.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import io.edgestudio.ui.EdgeUi;

/** Gives Generic Editors on {@code .edge} files an outline page (the Generic Editor has none of its own). */
public final class EdgeOutlineAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == IContentOutlinePage.class && adaptable instanceof ITextEditor editor) {
            IFile file = editor.getEditorInput().getAdapter(IFile.class);
            if (file != null && EdgeUi.EDGE_FILE_EXTENSION.equals(file.getFileExtension())) {
                return adapterType.cast(new EdgeOutlinePage(editor));
            }
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IContentOutlinePage.class };
    }
}
