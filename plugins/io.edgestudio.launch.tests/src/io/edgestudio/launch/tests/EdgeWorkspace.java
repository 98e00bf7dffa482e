package io.edgestudio.launch.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.swt.widgets.Display;

import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.SolutionLoader;
import io.edgestudio.dsl.generator.java.JavaSkeletonGenerator;
import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.project.EdgeNature;

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
     * Generates the skeleton of a Java module into {@code <solution>/modules/<module>} and imports it as a Java
     * project on the module libraries, built without errors.
     */
    static IJavaProject javaModuleProject(IProject solution, String module) throws CoreException, IOException {
        SolutionLoader.Loaded loaded = new SolutionLoader(EdgeUi.languageServer().language())
                .load(List.of(solution.getLocation().toFile().toPath()));
        if (!loaded.errors().isEmpty()) {
            throw new IllegalStateException("solution has errors: " + loaded.errors());
        }
        Path modules = solution.getLocation().toFile().toPath().resolve("modules");
        new JavaSkeletonGenerator().generate(EdgeSolution.of(loaded.resources()), modules);
        solution.refreshLocal(IResource.DEPTH_INFINITE, null);

        // the Edge builder imports generated Java modules itself, in a background job: wait for it, then reuse
        // its project (or create it when the builder did not)
        waitUntil("background jobs done", Duration.ofSeconds(60),
                () -> org.eclipse.core.runtime.jobs.Job.getJobManager().isIdle());
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProjectDescription description = workspace.newProjectDescription(solution.getName() + "-" + module);
        description.setLocation(solution.getLocation().append("modules").append(module));
        IProject project = workspace.getRoot().getProject(description.getName());
        if (!project.exists()) {
            project.create(description, null);
        }
        project.open(null);
        // natures added through setDescription are configured: the Java nature adds the Java builder
        IProjectDescription withJava = project.getDescription();
        withJava.setNatureIds(new String[] { JavaCore.NATURE_ID });
        project.setDescription(withJava, null);
        IJavaProject java = JavaCore.create(project);
        var options = java.getOptions(false);
        JavaCore.setComplianceOptions("21", options);
        java.setOptions(options);
        List<IClasspathEntry> classpath = new ArrayList<>();
        classpath.add(JavaCore.newSourceEntry(project.getFullPath().append("src/main/java")));
        classpath.add(JavaRuntime.getDefaultJREContainerEntry());
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("edge.module.libs")))) {
            jars.sorted().forEach(jar -> classpath.add(JavaCore.newLibraryEntry(
                    org.eclipse.core.runtime.Path.fromOSString(jar.toString()), null, null)));
        }
        java.setRawClasspath(classpath.toArray(IClasspathEntry[]::new), project.getFullPath().append("bin"), null);
        project.build(IncrementalProjectBuilder.FULL_BUILD, null);
        List<String> errors = Arrays.stream(project.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true,
                IResource.DEPTH_INFINITE)).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR)
                .map(m -> m.getResource().getName() + ": " + m.getAttribute(IMarker.MESSAGE, "")).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("module project does not compile: " + errors);
        }
        String main = module.toLowerCase(Locale.ROOT) + "/" + module + "Module.class";
        if (!project.getFile("bin/" + main).exists()) {
            throw new IllegalStateException("module project was not compiled: no bin/" + main);
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

    /** Runs the UI event loop until {@code condition} holds; fails after {@code timeout}. */
    static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Deletes projects with their content (module projects first: they live inside their solution). */
    static void delete(IProject... projects) throws CoreException {
        for (IProject project : projects) {
            if (project != null && project.exists()) {
                project.delete(true, true, null);
            }
        }
    }
}
