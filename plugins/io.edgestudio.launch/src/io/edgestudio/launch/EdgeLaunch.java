package io.edgestudio.launch;

/**
 * Identifiers of Edge Studio's launching: the "Edge Solution" launch configuration type, its attributes (as
 * stored in {@code .launch} files), and the attribute a running launch carries for the Edge view.
 */
public final class EdgeLaunch {

    /** Symbolic name of this bundle. */
    public static final String PLUGIN_ID = "io.edgestudio.launch";

    /** The "Edge Solution" launch configuration type. */
    public static final String TYPE_ID = PLUGIN_ID + ".edgeSolution";

    /** Name of the solution project (String). */
    public static final String ATTR_PROJECT = PLUGIN_ID + ".project";
    /** Workspace path of the {@code .edge} file the launch was made from (String, informative). */
    public static final String ATTR_SOLUTION_FILE = PLUGIN_ID + ".solutionFile";
    /** Edge device id (String). */
    public static final String ATTR_DEVICE_ID = PLUGIN_ID + ".deviceId";
    /** Modules to run under the debugger in Debug mode (List of String; empty: every workspace Java module). */
    public static final String ATTR_DEBUG_MODULES = PLUGIN_ID + ".debugModules";
    /** Loopback address the runtime binds to (String; default from the Edge Studio preferences). */
    public static final String ATTR_BIND_ADDRESS = PLUGIN_ID + ".bindAddress";
    /** MQTT over TLS port (int). */
    public static final String ATTR_MQTT_PORT = PLUGIN_ID + ".mqttPort";
    /** Plain MQTT port for tools, 0 = off (int). */
    public static final String ATTR_PLAIN_PORT = PLUGIN_ID + ".plainPort";
    /** Management API port (int). */
    public static final String ATTR_MANAGEMENT_PORT = PLUGIN_ID + ".managementPort";
    /** Whether the runtime starts with its upstream offline (boolean). */
    public static final String ATTR_START_OFFLINE = PLUGIN_ID + ".startOffline";

    /** Attribute of a running {@code ILaunch}: base URI of its runtime's management API. */
    public static final String LAUNCH_MANAGEMENT_URI = PLUGIN_ID + ".managementUri";

    /** {@code IProcess} type of the runtime process. */
    public static final String RUNTIME_PROCESS_TYPE = PLUGIN_ID + ".runtime";

    /** The Edge view. */
    public static final String VIEW_ID = PLUGIN_ID + ".edgeView";

    private EdgeLaunch() {
    }
}
