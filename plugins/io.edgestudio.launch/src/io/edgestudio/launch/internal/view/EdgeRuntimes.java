package io.edgestudio.launch.internal.view;

import java.net.URI;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;

import io.edgestudio.launch.EdgeLaunch;

/** The running Edge launches: the Edge view follows the most recently started one that is still running. */
public final class EdgeRuntimes {

    private EdgeRuntimes() {
    }

    /** The most recent running Edge launch whose runtime has a management API. */
    public static Optional<ILaunch> active() {
        ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        for (int i = launches.length - 1; i >= 0; i--) {
            ILaunch launch = launches[i];
            if (!launch.isTerminated() && launch.getAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI) != null
                    && isEdge(launch)) {
                return Optional.of(launch);
            }
        }
        return Optional.empty();
    }

    /** The management API of a launch. */
    public static URI managementUri(ILaunch launch) {
        return URI.create(launch.getAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI));
    }

    /** The solution project a launch runs, or empty. */
    public static String project(ILaunch launch) {
        try {
            return launch.getLaunchConfiguration() == null ? ""
                    : launch.getLaunchConfiguration().getAttribute(EdgeLaunch.ATTR_PROJECT, "");
        } catch (CoreException e) {
            return "";
        }
    }

    private static boolean isEdge(ILaunch launch) {
        try {
            return launch.getLaunchConfiguration() != null
                    && EdgeLaunch.TYPE_ID.equals(launch.getLaunchConfiguration().getType().getIdentifier());
        } catch (CoreException e) {
            return false;
        }
    }
}
