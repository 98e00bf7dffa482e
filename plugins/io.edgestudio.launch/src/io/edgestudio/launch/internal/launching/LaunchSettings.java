package io.edgestudio.launch.internal.launching;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

import io.edgestudio.launch.EdgeLaunch;
import io.edgestudio.launch.internal.runtime.RuntimeSettings;
import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.preferences.EdgePreferences;

/**
 * An "Edge Solution" launch configuration read into values; what a configuration leaves unset comes from the
 * Edge Studio preferences (bind address, ports).
 *
 * @param project the solution project's name
 * @param solutionFile workspace path of the {@code .edge} file the launch was created from, or empty
 * @param debugModules modules to debug in Debug mode; empty means every module that is a workspace Java project
 * @param runtime addresses, ports, device id and offline start
 */
public record LaunchSettings(String project, String solutionFile, List<String> debugModules, RuntimeSettings runtime) {

    /** Device id when a configuration names none. */
    public static final String DEFAULT_DEVICE_ID = "edgestudio-device";

    /** Reads a configuration, filling gaps from the preferences. */
    public static LaunchSettings of(ILaunchConfiguration config) throws CoreException {
        RuntimeSettings runtime = new RuntimeSettings(
                config.getAttribute(EdgeLaunch.ATTR_DEVICE_ID, DEFAULT_DEVICE_ID),
                config.getAttribute(EdgeLaunch.ATTR_BIND_ADDRESS, preference(EdgePreferences.BIND_ADDRESS, "127.0.0.1")),
                config.getAttribute(EdgeLaunch.ATTR_MQTT_PORT, preference(EdgePreferences.MQTT_TLS_PORT, 8883)),
                config.getAttribute(EdgeLaunch.ATTR_PLAIN_PORT, preference(EdgePreferences.MQTT_PLAIN_PORT, 0)),
                config.getAttribute(EdgeLaunch.ATTR_MANAGEMENT_PORT, preference(EdgePreferences.MANAGEMENT_PORT, 15580)),
                config.getAttribute(EdgeLaunch.ATTR_START_OFFLINE, false));
        return new LaunchSettings(config.getAttribute(EdgeLaunch.ATTR_PROJECT, ""),
                config.getAttribute(EdgeLaunch.ATTR_SOLUTION_FILE, ""),
                List.copyOf(config.getAttribute(EdgeLaunch.ATTR_DEBUG_MODULES, List.of())), runtime);
    }

    /** Writes these settings into a configuration. */
    public void applyTo(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(EdgeLaunch.ATTR_PROJECT, project);
        config.setAttribute(EdgeLaunch.ATTR_SOLUTION_FILE, solutionFile);
        config.setAttribute(EdgeLaunch.ATTR_DEBUG_MODULES, debugModules);
        config.setAttribute(EdgeLaunch.ATTR_DEVICE_ID, runtime.deviceId());
        config.setAttribute(EdgeLaunch.ATTR_BIND_ADDRESS, runtime.bindAddress());
        config.setAttribute(EdgeLaunch.ATTR_MQTT_PORT, runtime.mqttPort());
        config.setAttribute(EdgeLaunch.ATTR_PLAIN_PORT, runtime.plainPort());
        config.setAttribute(EdgeLaunch.ATTR_MANAGEMENT_PORT, runtime.managementPort());
        config.setAttribute(EdgeLaunch.ATTR_START_OFFLINE, runtime.startOffline());
    }

    /** Settings for a new configuration of {@code project}: everything else from the preferences. */
    public static LaunchSettings defaults(String project, String solutionFile) {
        return new LaunchSettings(project, solutionFile, List.of(), new RuntimeSettings(DEFAULT_DEVICE_ID,
                preference(EdgePreferences.BIND_ADDRESS, "127.0.0.1"),
                preference(EdgePreferences.MQTT_TLS_PORT, 8883), preference(EdgePreferences.MQTT_PLAIN_PORT, 0),
                preference(EdgePreferences.MANAGEMENT_PORT, 15580), false));
    }

    /** Whether {@code module} runs under the debugger in Debug mode. */
    public boolean debugs(String module) {
        return debugModules.isEmpty() || debugModules.contains(module);
    }

    static String preference(String key, String fallback) {
        return service().getString(EdgeUi.PLUGIN_ID, key, fallback, null);
    }

    static int preference(String key, int fallback) {
        return service().getInt(EdgeUi.PLUGIN_ID, key, fallback, null);
    }

    private static IPreferencesService service() {
        return Platform.getPreferencesService();
    }
}
