package io.edgestudio.launch.internal.launching;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.IRuntimeClasspathEntry;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.JavaRuntime;
import org.osgi.framework.FrameworkUtil;

import io.edgestudio.launch.EdgeLaunch;

/**
 * A class-data archive of the libraries of a Java module the IDE launches (device SDK, MQTT client, Jackson and the
 * JDK's TLS), so that the module's JVM — under the debugger too — maps their classes instead of loading them: on
 * these machines a module connects in about 0.9 s instead of 1.2–1.5 s, with half the CPU.
 * <p>
 * The JVM archives classes only from jar files ahead of any class folder, so a launch that uses the archive puts the
 * module's library jars first on its class path, in their usual order, and its class folders after them (the
 * generated modules' own classes never share a name with a library's). The archive is made from what a module
 * really loaded: a launch without one has its JVM list the classes it loads, and once that JVM has ended a
 * background job writes the archive from the list ({@code java -Xshare:dump}), keyed by the JDK and the library
 * jars (paths, sizes, times): modules with the same libraries share it, a changed library or JDK makes a new one.
 */
public final class ModuleClassData {

    /** The family of the jobs that write archives. */
    public static final Object FAMILY = ModuleClassData.class;

    private final Path java;
    private final List<Path> libraries;
    private final List<IRuntimeClasspathEntry> bootstrap;
    private final List<IRuntimeClasspathEntry> libraryEntries;
    private final List<IRuntimeClasspathEntry> others;
    private final Path archive;

    private ModuleClassData(Path java, List<Path> libraries, List<IRuntimeClasspathEntry> bootstrap,
            List<IRuntimeClasspathEntry> libraryEntries, List<IRuntimeClasspathEntry> others, Path archive) {
        this.java = java;
        this.libraries = libraries;
        this.bootstrap = bootstrap;
        this.libraryEntries = libraryEntries;
        this.others = others;
        this.archive = archive;
    }

    /**
     * The libraries of a module's Java launch, or null when the launch cannot use an archive (no JDK found, no
     * library jar, or its class path holds entries other than jars and class folders).
     */
    static ModuleClassData of(ILaunchConfiguration config) throws CoreException {
        IVMInstall vm = JavaRuntime.computeVMInstall(config);
        if (vm == null || vm.getInstallLocation() == null) {
            return null;
        }
        Path java = vm.getInstallLocation().toPath().resolve("bin").resolve("java");
        IRuntimeClasspathEntry[] unresolved = JavaRuntime.computeUnresolvedRuntimeClasspath(config);
        List<IRuntimeClasspathEntry> bootstrap = new ArrayList<>();
        for (IRuntimeClasspathEntry entry : unresolved) {
            if (!onClassPath(entry)) {
                bootstrap.add(entry); // the JRE: left as it is
            }
        }
        List<Path> libraries = new ArrayList<>();
        List<IRuntimeClasspathEntry> libraryEntries = new ArrayList<>();
        List<IRuntimeClasspathEntry> others = new ArrayList<>();
        for (IRuntimeClasspathEntry entry : JavaRuntime.resolveRuntimeClasspath(unresolved, config)) {
            if (entry.getClasspathProperty() == IRuntimeClasspathEntry.MODULE_PATH) {
                return null; // a modular module: not handled
            }
            if (!onClassPath(entry)) {
                continue;
            }
            String location = entry.getLocation();
            if (entry.getType() != IRuntimeClasspathEntry.ARCHIVE || location == null) {
                return null;
            }
            Path path = Path.of(location);
            if (location.endsWith(".jar") && Files.isRegularFile(path)) {
                libraries.add(path);
                libraryEntries.add(entry);
            } else {
                others.add(entry);
            }
        }
        if (libraries.isEmpty() || !Files.isExecutable(java)) {
            return null;
        }
        return new ModuleClassData(java, libraries, bootstrap, libraryEntries, others,
                directory().resolve("modules-" + key(java, libraries) + ".jsa"));
    }

    private static boolean onClassPath(IRuntimeClasspathEntry entry) {
        return entry.getClasspathProperty() == IRuntimeClasspathEntry.USER_CLASSES
                || entry.getClasspathProperty() == IRuntimeClasspathEntry.CLASS_PATH;
    }

    /** Where the archives of module libraries are kept. */
    public static Path directory() {
        return Platform.getStateLocation(FrameworkUtil.getBundle(ModuleClassData.class)).toFile().toPath()
                .resolve("cds").resolve("ide-modules");
    }

    /**
     * Sets up a module's launch: with the archive when it exists (libraries first on the class path), else with
     * a list of the classes the JVM loads, which {@link #prepareAfter(IProcess, Path)} turns into the archive.
     *
     * @return the JVM options to add, and the class list the JVM writes (null when the archive is used)
     */
    Setup apply(ILaunchConfigurationWorkingCopy config, String module) throws CoreException {
        if (Files.isRegularFile(archive)) {
            List<String> classPath = new ArrayList<>();
            for (List<IRuntimeClasspathEntry> part : List.of(bootstrap, libraryEntries, others)) {
                for (IRuntimeClasspathEntry entry : part) {
                    classPath.add(entry.getMemento());
                }
            }
            try {
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
            } catch (IOException e) {
                // only the clean-up of unused archives goes by this time
            }
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_DEFAULT_CLASSPATH, false);
            config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_CLASSPATH, classPath);
            return new Setup(" -XX:SharedArchiveFile=\"" + archive + "\" -Xlog:cds=off -Xlog:cds+dynamic=off", null);
        }
        try {
            Files.createDirectories(directory());
        } catch (IOException e) {
            return new Setup("", null); // no list, no archive: the module starts as it would without
        }
        Path list = directory().resolve(archive.getFileName().toString().replace(".jsa", "") + "-" + module + "-"
                + Long.toHexString(System.nanoTime()) + ".classlist");
        return new Setup(" -XX:DumpLoadedClassList=\"" + list + "\"", list);
    }

    /**
     * What a launch adds.
     *
     * @param vmArguments JVM options
     * @param classList the class list the JVM writes, or null
     */
    record Setup(String vmArguments, Path classList) {
    }

    /** Once {@code process} has ended, writes the archive from the class list it wrote, in the background. */
    void prepareAfter(IProcess process, Path classList) {
        ModuleLauncher.whenTerminated(process, () -> new Dump(classList).schedule());
    }

    private static String key(Path java, List<Path> libraries) {
        StringBuilder key = new StringBuilder(java.toAbsolutePath().toString());
        // the JDK's class image: an update of the JDK in place makes a new archive
        List<Path> files = new ArrayList<>();
        files.add(java.toAbsolutePath().getParent().getParent().resolve("lib").resolve("modules"));
        files.addAll(libraries);
        for (Path library : files) {
            key.append('|').append(library.toAbsolutePath());
            try {
                key.append('|').append(Files.size(library)).append('|')
                        .append(Files.getLastModifiedTime(library).toMillis());
            } catch (IOException e) {
                key.append("|?");
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the archive from a class list, then removes the list; one archive at a time. */
    private final class Dump extends Job {

        private final Path classList;

        Dump(Path classList) {
            super("Preparing module class data");
            this.classList = classList;
            setSystem(true);
            setPriority(Job.DECORATE);
            setRule(new ArchiveRule());
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            Path written = archive.resolveSibling(archive.getFileName() + ".part");
            try {
                if (Files.isRegularFile(archive) || !Files.isRegularFile(classList) || Files.size(classList) == 0) {
                    return Status.OK_STATUS;
                }
                List<String> command = List.of(java.toString(), "-Xshare:dump", "-XX:+UseSerialGC",
                        "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + written,
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp",
                        String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()));
                Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!dump.waitFor(2, TimeUnit.MINUTES)) {
                    dump.destroyForcibly();
                    return Status.OK_STATUS;
                }
                if (dump.exitValue() != 0 || !Files.isRegularFile(written)) {
                    return new Status(IStatus.WARNING, EdgeLaunch.PLUGIN_ID, "No class-data archive for the module"
                            + " libraries: java -Xshare:dump exited with " + dump.exitValue());
                }
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeStale();
                return Status.OK_STATUS;
            } catch (IOException e) {
                return new Status(IStatus.WARNING, EdgeLaunch.PLUGIN_ID, "No class-data archive for the module"
                        + " libraries: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.CANCEL_STATUS;
            } finally {
                try {
                    Files.deleteIfExists(written);
                    Files.deleteIfExists(classList);
                } catch (IOException e) {
                    // left for the next dump to overwrite
                }
            }
        }
    }

    /**
     * Removes archives of library sets no launch has used for 30 days (a launch that uses one touches it) and class
     * lists left behind by JVMs that did not end normally.
     */
    private void removeStale() throws IOException {
        Instant oldArchive = Instant.now().minus(Duration.ofDays(30));
        Instant oldList = Instant.now().minus(Duration.ofDays(1));
        try (var files = Files.list(directory())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Instant written = Files.getLastModifiedTime(file).toInstant();
                if (!file.equals(archive) && (name.endsWith(".jsa") && written.isBefore(oldArchive)
                        || name.endsWith(".classlist") && written.isBefore(oldList))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** One dump at a time. */
    private static final class ArchiveRule implements org.eclipse.core.runtime.jobs.ISchedulingRule {
        @Override
        public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule instanceof ArchiveRule;
        }
    }
}
