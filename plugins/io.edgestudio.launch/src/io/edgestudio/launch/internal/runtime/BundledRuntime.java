package io.edgestudio.launch.internal.runtime;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.IVMInstall2;
import org.eclipse.jdt.launching.JavaRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.edgestudio.launch.EdgeLaunch;

/**
 * The local edge runtime shipped inside this bundle ({@value #JAR}, copied from {@code runtime-launcher/} at
 * build time) and the Java it runs on: JDT's default VM install when it is Java 21 or newer, else the JVM
 * running Eclipse.
 */
public final class BundledRuntime {

    /** Bundle path of the runnable runtime jar. */
    public static final String JAR = "runtime/io.edgestudio.hub.jar";

    /** Oldest Java feature release the runtime runs on. */
    public static final int MINIMUM_JAVA = 21;

    private BundledRuntime() {
    }

    /** The runtime jar as a local file (extracted by the framework when the bundle is a jar). */
    public static Path jar() throws CoreException {
        Bundle bundle = FrameworkUtil.getBundle(BundledRuntime.class);
        URL entry = FileLocator.find(bundle, new org.eclipse.core.runtime.Path(JAR));
        if (entry == null) {
            entry = bundle.getResource(JAR); // a bundle run from its build output (development, tests)
        }
        if (entry == null) {
            throw error("The Edge Studio runtime is missing from bundle " + bundle.getSymbolicName() + " ("
                    + JAR + "): reinstall Edge Studio.", null);
        }
        try {
            return new File(FileLocator.toFileURL(entry).getPath()).toPath();
        } catch (IOException e) {
            throw error("Cannot extract the Edge Studio runtime " + JAR + ": " + e.getMessage(), e);
        }
    }

    /** The {@code java} executable for the runtime. */
    public static Path java() throws CoreException {
        Optional<Path> jdt = jdtDefault();
        if (jdt.isPresent()) {
            return jdt.get();
        }
        Optional<Path> running = ProcessHandle.current().info().command().map(Path::of);
        if (running.isPresent() && Runtime.version().feature() >= MINIMUM_JAVA) {
            return running.get();
        }
        throw error("The Edge Studio runtime needs Java " + MINIMUM_JAVA + " or newer: add one under "
                + "Preferences > Java > Installed JREs and make it the default.", null);
    }

    private static Optional<Path> jdtDefault() {
        IVMInstall vm = JavaRuntime.getDefaultVMInstall();
        if (vm == null || vm.getInstallLocation() == null) {
            return Optional.empty();
        }
        if (vm instanceof IVMInstall2 versioned && featureRelease(versioned.getJavaVersion()) < MINIMUM_JAVA) {
            return Optional.empty();
        }
        Path java = vm.getInstallLocation().toPath().resolve("bin").resolve("java");
        return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
    }

    /** The feature release of a {@code java.version} string ("1.8.0_402" is 8, "21.0.2" is 21). */
    static int featureRelease(String version) {
        if (version == null || version.isEmpty()) {
            return 0;
        }
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static CoreException error(String message, Throwable cause) {
        return new CoreException(Status.error(message, cause));
    }

    /** An error status of this bundle. */
    public static IStatus status(String message, Throwable cause) {
        return new Status(IStatus.ERROR, EdgeLaunch.PLUGIN_ID, message, cause);
    }
}
