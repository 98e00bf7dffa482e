package io.edgestudio.ui;

/**
 * Identifiers that Edge Studio's Eclipse integration declares in {@code plugin.xml} and that other
 * bundles and tests refer to.
 */
public final class EdgeUi {

    /** Symbolic name of this bundle. */
    public static final String PLUGIN_ID = "io.edgestudio.ui";

    /** Content type of {@code *.edge} solution files. */
    public static final String EDGE_CONTENT_TYPE = PLUGIN_ID + ".edge";

    /** File extension of Edge solution files. */
    public static final String EDGE_FILE_EXTENSION = "edge";

    /** The editor that opens {@code *.edge} files: Eclipse's Generic Editor. */
    public static final String EDGE_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";

    private EdgeUi() {
    }
}
