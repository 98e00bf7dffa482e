package io.edgestudio.launch.internal.launching;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.ISourceLocator;

import io.edgestudio.launch.internal.runtime.GracefulProcess;
import io.edgestudio.launch.internal.runtime.ProcessStop;

/**
 * An Edge launch: Terminate stops the debugged modules through their debuggers, then every process of the launch
 * (the runtime with the agent's modules, and the modules the IDE runs) at once, gracefully and after a grace
 * period forcibly, so that a module slow to stop neither fails the Terminate nor stays behind.
 */
final class EdgeSolutionLaunch extends Launch {

    EdgeSolutionLaunch(ILaunchConfiguration configuration, String mode, ISourceLocator locator) {
        super(configuration, mode, locator);
    }

    @Override
    public void terminate() throws DebugException {
        for (IDebugTarget target : getDebugTargets()) {
            if (target.canTerminate()) {
                try {
                    target.terminate();
                } catch (DebugException e) {
                    // its process is stopped below
                }
            }
        }
        List<ProcessHandle> running = new ArrayList<>();
        for (IProcess process : getProcesses()) {
            ProcessStop.of(process).ifPresent(running::add);
        }
        ProcessStop.stop(running, GracefulProcess.GRACE);
        super.terminate();
    }
}
