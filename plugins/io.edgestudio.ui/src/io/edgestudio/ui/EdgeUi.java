package io.edgestudio.ui;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import io.edgestudio.ui.internal.lsp.EdgeLanguageServer;

/**
 * Edge Studio's Eclipse integration: identifiers declared in {@code plugin.xml}, and the bundle's
 * lifecycle, which owns the in-process {@code .edge} language server (started on first use).
 */
public final class EdgeUi implements BundleActivator {

    /** Symbolic name of this bundle. */
    public static final String PLUGIN_ID = "io.edgestudio.ui";

    /** Content type of {@code *.edge} solution files. */
    public static final String EDGE_CONTENT_TYPE = PLUGIN_ID + ".edge";

    /** File extension of Edge solution files. */
    public static final String EDGE_FILE_EXTENSION = "edge";

    /** The editor that opens {@code *.edge} files: Eclipse's Generic Editor. */
    public static final String EDGE_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";

    /** Problem markers of {@code .edge} files. */
    public static final String PROBLEM_MARKER = PLUGIN_ID + ".problem";

    /** Problems of the Edge builder itself (e.g. manifests not generated), on the project. */
    public static final String BUILD_MARKER = PLUGIN_ID + ".buildProblem";

    /**
     * Info on the solution's {@code .edge} file: the folder of a Java module the solution no longer declares was
     * kept because it holds the user's changes.
     */
    public static final String KEPT_MODULE_MARKER = PLUGIN_ID + ".keptModule";

    /** Marker attribute holding the validator's issue code (for quick fixes). */
    public static final String PROBLEM_CODE = "code";

    /** Marker attribute holding the problem's range as the language server reported it (for quick fixes). */
    public static final String PROBLEM_RANGE = "lspRange";

    private static EdgeLanguageServer server;

    @Override
    public void start(BundleContext context) {
        // the language server starts lazily, when the first .edge file is edited
    }

    @Override
    public void stop(BundleContext context) {
        synchronized (EdgeUi.class) {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    /** The workspace's {@code .edge} language server, started on first call. */
    public static EdgeLanguageServer languageServer() {
        synchronized (EdgeUi.class) {
            if (server == null) {
                server = EdgeLanguageServer.start();
            }
            return server;
        }
    }

}
