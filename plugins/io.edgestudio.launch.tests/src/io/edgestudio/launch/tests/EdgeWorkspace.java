package io.edgestudio.launch.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.core.search.IJavaSearchConstants;
import org.eclipse.jdt.core.search.SearchEngine;
import org.eclipse.jdt.core.search.SearchPattern;
import org.eclipse.jdt.core.search.TypeNameRequestor;
import org.eclipse.swt.widgets.Display;

import io.edgestudio.launch.internal.runtime.RuntimeWarmUp;
import io.edgestudio.modulelibs.EdgeModuleLibraries;
import io.edgestudio.ui.internal.project.EdgeNature;
import io.edgestudio.ui.internal.project.ModuleProjects;

/** Workspace set-up for launch tests: example solutions, generated Java module projects, free addresses. */
final class EdgeWorkspace {

    private EdgeWorkspace() {
    }

    /** A new Edge Solution project holding a copy of {@code examples/<example>}, built. */
    static IProject solutionFromExample(String name, String example) throws CoreException, IOException {
        Path source = Path.of(System.getProperty("edge.examples")).resolve(example);
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(name);
        project.create(null);
        project.open(null);
        Path target = project.getLocation().toFile().toPath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".edge")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        EdgeNature.addTo(project);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        return project;
    }

    /**
     * The Java project of a generated module as Edge Studio makes it: the build of the solution generates the
     * skeleton into {@code <solution>/modules/<module>} and imports it in a background job as project
     * {@code <solution>-<module>} on the JRE and the Edge Module Libraries container (as the launch does, this
     * imports the module itself when the job has not run yet). Builds the project and checks that it compiles.
     */
    static IJavaProject javaModuleProject(IProject solution, String module) throws CoreException {
        // under the workspace rule: waits for the builder's import job, or imports if it has not started yet
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> ModuleProjects.importAll(solution, monitor), workspace.getRoot(),
                IWorkspace.AVOID_UPDATE, null);
        IProject project = ModuleProjects.find(solution, module);
        if (project == null) {
            throw new IllegalStateException("the build of " + solution.getName() + " did not import module " + module);
        }
        IJavaProject java = JavaCore.create(project);
        if (Arrays.stream(java.getRawClasspath()).noneMatch(
                e -> e.getEntryKind() == IClasspathEntry.CPE_CONTAINER
                        && e.getPath().equals(EdgeModuleLibraries.CONTAINER_PATH))) {
            throw new IllegalStateException(project.getName() + " is not on the Edge Module Libraries: "
                    + Arrays.toString(java.getRawClasspath()));
        }
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        List<String> errors = Arrays.stream(project.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true,
                IResource.DEPTH_INFINITE)).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR)
                .map(m -> m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("module project does not compile: " + errors);
        }
        String main = module.toLowerCase(Locale.ROOT) + "/" + module + "Module.class";
        IPath output = java.getOutputLocation().removeFirstSegments(1);
        if (!project.getFile(output.append(main)).exists()) {
            throw new IllegalStateException("module project was not compiled: no " + output + "/" + main);
        }
        return java;
    }

    /** A loopback address whose MQTT port 8883 is free, so the test runs beside other local edges. */
    static String freeLoopback() {
        int first = new Random().nextInt(250);
        for (int i = 0; i < 250; i++) {
            String host = "127.0.0." + (2 + (first + i) % 250);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(host), 8883));
                return host;
            } catch (IOException inUse) {
                // next address
            }
        }
        throw new IllegalStateException("no loopback address with port 8883 free");
    }

    /** A port free on {@code host} now. */
    static int freePort(String host) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the UI thread last came back to a wait's loop, and what it waits for (null: no wait under way). */
    private static volatile long loopReturned;
    private static volatile String waitingFor;

    static {
        // a wait whose loop does not come back for 10 s (a condition or an event blocking the UI thread) says where
        Thread ui = Thread.currentThread();
        Thread.ofPlatform().daemon().name("wait-watchdog").start(() -> {
            long reported = 0;
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long since = System.nanoTime() - loopReturned;
                if (waitingFor != null && since > 10_000_000_000L && loopReturned != reported) {
                    reported = loopReturned;
                    StringBuilder stack = new StringBuilder("the UI thread has not come back to the wait for "
                            + waitingFor + " for " + since / 1_000_000 + " ms; it is at:");
                    for (StackTraceElement frame : ui.getStackTrace()) {
                        stack.append("\n\tat ").append(frame);
                    }
                    System.out.println(stack);
                }
            }
        });
    }

    /** Runs the UI event loop until {@code condition} holds; fails after {@code timeout}. */
    static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        long nextCheck = 0;
        int checks = 0;
        String outer = waitingFor;
        waitingFor = what;
        try {
            while (true) {
                long now = System.nanoTime();
                loopReturned = now;
                // every 20 ms at most, however busy the event loop is: many conditions ask the runtime over HTTP
                if (now >= nextCheck) {
                    checks++;
                    if (condition.getAsBoolean()) {
                        if (now - began > 5_000_000_000L) {
                            System.out.printf("waited %d ms (%d checks) for %s%n", (now - began) / 1_000_000, checks,
                                    what);
                        }
                        return;
                    }
                    nextCheck = now + 20_000_000L;
                }
                if (now > deadline) {
                    throw new AssertionError("timed out after " + timeout + " (" + checks + " checks) waiting for "
                            + what);
                }
                if (!display.readAndDispatch()) {
                    display.timerExec(20, () -> { });
                    display.sleep();
                }
            }
        } finally {
            waitingFor = outer;
            loopReturned = System.nanoTime();
        }
    }

    /**
     * Runs the UI event loop until no workspace build and no preparation of the runtime runs and JDT's indexer has
     * caught up (what a user's workspace looks like a while after start-up: a new workspace indexes the JDK once).
     */
    static void awaitIdle(Duration timeout) {
        IJobManager jobs = Job.getJobManager();
        waitUntil("the workspace builds and the runtime preparation", timeout,
                () -> jobs.find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
                        && jobs.find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0
                        && jobs.find(RuntimeWarmUp.FAMILY).length == 0);
        java.util.concurrent.CompletableFuture<Void> indexed = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                // a search that waits until the indexes are ready, for a type no project has
                new SearchEngine().searchAllTypeNames(null, SearchPattern.R_EXACT_MATCH,
                        "EdgeStudioNoSuchType".toCharArray(), SearchPattern.R_EXACT_MATCH, IJavaSearchConstants.TYPE,
                        SearchEngine.createWorkspaceScope(), new TypeNameRequestor() { },
                        IJavaSearchConstants.WAIT_UNTIL_READY_TO_SEARCH, null);
            } catch (CoreException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        });
        waitUntil("JDT's indexer", timeout, indexed::isDone);
        indexed.join();
    }

    /** Deletes every project with its content (module projects first: they live inside their solution). */
    static void deleteAll() throws CoreException {
        IProject[] projects = ResourcesPlugin.getWorkspace().getRoot().getProjects();
        for (boolean solutions : new boolean[] { false, true }) {
            for (IProject project : projects) {
                if (project.exists() && (!project.isOpen() || project.hasNature(EdgeNature.ID)) == solutions) {
                    project.delete(true, true, null);
                }
            }
        }
    }
}
