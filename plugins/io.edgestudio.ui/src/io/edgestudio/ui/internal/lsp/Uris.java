package io.edgestudio.ui.internal.lsp;

import java.io.File;
import java.net.URI;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;

/** Converts between Eclipse resource URIs ({@code file:/x}) and the LSP form Xtext uses ({@code file:///x}). */
public final class Uris {

    private Uris() {
    }

    static String toLsp(URI uri) {
        if ("file".equals(uri.getScheme())) {
            return "file://" + new File(uri).toURI().getRawPath();
        }
        return uri.toString();
    }

    public static String toLsp(IFile file) {
        return toLsp(file.getLocationURI());
    }

    /** The workspace file behind an LSP document URI, if the workspace has one. */
    public static Optional<IFile> toFile(String lspUri) {
        URI uri = URI.create(lspUri);
        if ("file".equals(uri.getScheme())) {
            uri = new File(uri).toURI();
        }
        IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri);
        return files.length == 0 ? Optional.empty() : Optional.of(files[0]);
    }
}
