package io.edgestudio.ui.internal.preferences;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences › Edge Studio: default target platform and where the local edge listens. */
public final class EdgePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public EdgePreferencePage() {
        super(GRID);
        setDescription("Defaults for generated manifests and for running solutions on the local edge.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(EdgePreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        addField(new ComboFieldEditor(EdgePreferences.DEFAULT_PLATFORM, "Default target &platform:",
                new String[][] { { "amd64", "amd64" }, { "arm32v7", "arm32v7" }, { "arm64v8", "arm64v8" } },
                getFieldEditorParent()));
        addField(new LoopbackAddressEditor(EdgePreferences.BIND_ADDRESS, "Local edge &bind address:",
                getFieldEditorParent()));
        addField(port(EdgePreferences.MQTT_TLS_PORT, "MQTT over &TLS port:", 1));
        addField(port(EdgePreferences.MQTT_PLAIN_PORT, "Plain &MQTT port for tools (0 = off):", 0));
        addField(port(EdgePreferences.MANAGEMENT_PORT, "Management &API port:", 1));
    }

    private IntegerFieldEditor port(String key, String label, int min) {
        IntegerFieldEditor editor = new IntegerFieldEditor(key, label, getFieldEditorParent(), 5);
        editor.setValidRange(min, 65535);
        return editor;
    }

    /** Accepts only IPv4 loopback addresses (127.x.y.z): the local edge never listens beyond this machine. */
    private static final class LoopbackAddressEditor extends StringFieldEditor {
        LoopbackAddressEditor(String key, String label, org.eclipse.swt.widgets.Composite parent) {
            super(key, label, parent);
            setErrorMessage("The bind address must be a loopback address such as 127.0.0.1 or 127.0.0.2.");
            setEmptyStringAllowed(false);
        }

        @Override
        protected boolean doCheckState() {
            return isLoopback(getStringValue());
        }
    }

    /** Whether {@code address} is a dotted IPv4 address in 127.0.0.0/8. */
    public static boolean isLoopback(String address) {
        String[] parts = address.trim().split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
