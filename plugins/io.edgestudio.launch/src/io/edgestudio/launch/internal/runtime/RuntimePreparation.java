package io.edgestudio.launch.internal.runtime;

import org.eclipse.ui.IStartup;

/**
 * At workbench start, prepares the bundled runtime's class-data archive in the background when this installation
 * has none for the current Java yet (after an install or update of Edge Studio, or a new default JRE). It can be
 * switched off under Preferences &gt; General &gt; Startup and Shutdown.
 */
public final class RuntimePreparation implements IStartup {

    @Override
    public void earlyStartup() {
        RuntimeWarmUp.scheduleIfNeeded();
    }
}
