package io.edgestudio.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.edgestudio.ui.EdgeUi;

/** Edge Studio's workspace preferences: keys, defaults and the store the preference page edits. */
public final class EdgePreferences extends AbstractPreferenceInitializer {

    /** Target platform for generated manifests when a solution names none: amd64, arm32v7 or arm64v8. */
    public static final String DEFAULT_PLATFORM = "defaultPlatform";
    /** Loopback address the local edge binds to (127.0.0.x lets several solutions run side by side). */
    public static final String BIND_ADDRESS = "bindAddress";
    /** Port of the local edge hub's MQTT over TLS head (the Azure IoT SDK always uses 8883). */
    public static final String MQTT_TLS_PORT = "mqttTlsPort";
    /** Port of the optional plain MQTT head for tools (0 = off). */
    public static final String MQTT_PLAIN_PORT = "mqttPlainPort";
    /** Port of the local edge's management HTTP API. */
    public static final String MANAGEMENT_PORT = "managementPort";

    private static ScopedPreferenceStore store;

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(EdgeUi.PLUGIN_ID);
        defaults.put(DEFAULT_PLATFORM, "amd64");
        defaults.put(BIND_ADDRESS, "127.0.0.1");
        defaults.putInt(MQTT_TLS_PORT, 8883);
        defaults.putInt(MQTT_PLAIN_PORT, 0);
        defaults.putInt(MANAGEMENT_PORT, 15580);
    }

    /** The store of this plug-in's instance-scope preferences. */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, EdgeUi.PLUGIN_ID);
        }
        return store;
    }
}
