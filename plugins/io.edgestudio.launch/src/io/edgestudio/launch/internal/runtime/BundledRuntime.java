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
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.IVMInstall2;
import org.eclipse.jdt.launching.JavaRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.edgestudio.launch.EdgeLaunch;

/**
 * The local edge runtime shipped inside this bundle: the {@code edge} command ({@value #JAR} with its libraries in
 * {@code runtime/lib/}, copied from {@code runtime-launcher/} at build time), whose {@code edge run} starts the hub
 * and the agent, and the Java it runs on: JDT's default VM install when it is Java 21 or newer, else the JVM
 * running Eclipse.
 */
public final class BundledRuntime {

    /** Bundle folder of the runtime: {@code edge.jar} and {@code lib/}. */
    public static final String DIRECTORY = "runtime";

    /** Bundle path of the runnable runtime jar. */
    public static final String JAR = DIRECTORY + "/edge.jar";

    /** Oldest Java feature release the runtime runs on. */
    public static final int MINIMUM_JAVA = 21;

    private BundledRuntime() {
    }

    /**
     * The runtime jar as a local file beside its {@code lib/} folder (the framework extracts the whole folder when
     * the bundle is a jar).
     */
    public static Path jar() throws CoreException {
        Bundle bundle = FrameworkUtil.getBundle(BundledRuntime.class);
        URL entry = FileLocator.find(bundle, new org.eclipse.core.runtime.Path(DIRECTORY));
        if (entry == null) {
            entry = bundle.getResource(DIRECTORY); // a bundle run from its build output (development, tests)
        }
        if (entry == null) {
            throw error("The Edge Studio runtime is missing from bundle " + bundle.getSymbolicName() + " ("
                    + DIRECTORY + "/): reinstall Edge Studio.", null);
        }
        Path jar;
        try {
            jar = new File(FileLocator.toFileURL(entry).getPath()).toPath().resolve("edge.jar");
        } catch (IOException e) {
            throw error("Cannot extract the Edge Studio runtime " + DIRECTORY + "/: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
            throw error("The Edge Studio runtime in bundle " + bundle.getSymbolicName() + " is incomplete (" + jar
                    + " and lib/ expected): reinstall Edge Studio.", null);
        }
        return jar;
    }

    /**
     * Where the runtime JVM keeps its class-data archive: in this bundle's state location (the installation may be
     * read-only), one archive per runtime jar and Java, so that an update of either writes a fresh one.
     */
    public static Path classDataArchive(Path jar, Path java) {
        String key;
        try {
            key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + java.toAbsolutePath();
        } catch (IOException e) {
            key = jar.toAbsolutePath() + "|" + java.toAbsolutePath();
        }
        Path directory = Platform.getStateLocation(FrameworkUtil.getBundle(BundledRuntime.class)).toFile().toPath()
                .resolve("cds");
        directory.toFile().mkdirs();
        return directory.resolve("edge-" + Integer.toHexString(key.hashCode()) + ".jsa");
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
