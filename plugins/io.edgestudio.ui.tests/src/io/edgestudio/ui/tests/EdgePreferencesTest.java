package io.edgestudio.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;

import io.edgestudio.ui.internal.preferences.EdgePreferencePage;
import io.edgestudio.ui.internal.preferences.EdgePreferences;

/** Preferences › Edge Studio: defaults, the page in the real preference dialog, and its validation. */
class EdgePreferencesTest {

    @Test
    void defaultsMatchTheLocalEdgeContract() {
        IPreferenceStore store = EdgePreferences.store();
        assertEquals("amd64", store.getDefaultString(EdgePreferences.DEFAULT_PLATFORM));
        assertEquals("127.0.0.1", store.getDefaultString(EdgePreferences.BIND_ADDRESS));
        assertEquals(8883, store.getDefaultInt(EdgePreferences.MQTT_TLS_PORT));
    }

    @Test
    void thePageOpensInThePreferenceDialogAndRejectsANonLoopbackAddress() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                Workbench.page().getWorkbenchWindow().getShell(), "io.edgestudio.ui.preferences", null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            EdgePreferencePage page = (EdgePreferencePage) dialog.getSelectedPage();
            assertTrue(page.isValid());
            assertTrue(EdgePreferencePage.isLoopback("127.0.0.2"));
            assertFalse(EdgePreferencePage.isLoopback("10.0.0.1"));
            assertFalse(EdgePreferencePage.isLoopback("127.0.0.300"));
        } finally {
            dialog.close();
        }
    }
}
