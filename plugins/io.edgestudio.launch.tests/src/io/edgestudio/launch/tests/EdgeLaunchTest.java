package io.edgestudio.launch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaHotCodeReplaceListener;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.edgestudio.launch.EdgeLaunch;
import io.edgestudio.launch.internal.launching.EdgeLaunchShortcut;
import io.edgestudio.launch.internal.launching.ModuleClassData;
import io.edgestudio.launch.internal.runtime.BundledRuntime;
import io.edgestudio.launch.internal.runtime.GracefulProcess;
import io.edgestudio.launch.internal.runtime.ManagementClient;
import io.edgestudio.launch.internal.runtime.RuntimeWarmUp;
import io.edgestudio.launch.internal.view.EdgeView;
import io.edgestudio.launch.internal.view.EdgeViewModel;

/**
 * Run and Debug of the thermostat example on the bundled runtime (hub and agent): its Java module (Filter) is the
 * workspace project the Edge builder imports, launched through JDT; the agent runs the simulated sensor. The Edge
 * view's model drives messages, twins and module actions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeLaunchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private IProject solution;
    private IProject module;
    private ILaunch launch;

    @BeforeAll
    static void neverAskToSwitchPerspectives() {
        var store = DebugUITools.getPreferenceStore();
        store.setValue("org.eclipse.debug.ui.switch_to_perspective", MessageDialogWithToggle.NEVER);
        store.setValue("org.eclipse.debug.ui.switch_perspective_on_suspend", MessageDialogWithToggle.NEVER);
        store.setValue("org.eclipse.debug.ui.activate_debug_view", false);
    }

    @AfterEach
    void cleanUp() throws CoreException {
        if (launch != null && !launch.isTerminated()) {
            launch.terminate();
        }
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EdgeWorkspace.deleteAll();
    }

    @Test
    void runPassesTheAgentsSensorReadingsThroughTheWorkspaceFilterControlsModulesAndTerminatesEverything()
            throws Exception {
        solution = EdgeWorkspace.solutionFromExample("thermo-run", "thermostat");
        module = EdgeWorkspace.javaModuleProject(solution, "Filter").getProject();
        ILaunchConfiguration config = configuration(solution.getFile("thermostat.edge"));
        EdgeViewModel model = edgeView().model();

        launch = launch(config, ILaunchManager.RUN_MODE);
        awaitConnected(launch, model, "Filter");
        assertEquals(2, launch.getProcesses().length, "runtime and Filter module (the agent runs the sensor)");
        awaitStatus(model, SENSOR, "running");
        assertTrue(status(model, "Filter").ide(), "the IDE runs Filter: " + status(model, "Filter"));
        Process runtime = runtimeProcess(launch);
        String sensorPid = moduleEntry(model, SENSOR).path("processId").asText();
        assertTrue(runtime.descendants().anyMatch(p -> Long.toString(p.pid()).equals(sensorPid)),
                "the agent's sensor " + sensorPid + " is a child of the runtime");

        // every sensor reading passes once the threshold is below the sensor's temperatures
        model.setDesired("Filter", "{\"TemperatureThreshold\": 10.5}");
        awaitReportedThreshold(launch, model, 10.5);
        assertEquals(10.5, ManagementClient.section(model.twin("Filter"), "desired").path("TemperatureThreshold")
                .asDouble());
        EdgeWorkspace.waitUntil("a sensor reading through Filter at $upstream", TIMEOUT,
                () -> sensorReadingsAtUpstream(model) > 0);

        String marker = uniqueMarker();
        model.sendMessage("Filter", "input1", telemetry(marker, 31.5));
        EdgeWorkspace.waitUntil("the message at $upstream", TIMEOUT, () -> atUpstream(model, marker));

        // a message the module rejects is logged by it; its output is kept in the state directory too
        model.sendMessage("Filter", "input1", "{\"machine\": \"not a machine\"}");
        java.nio.file.Path filterLog = org.eclipse.core.runtime.Platform.getStateLocation(
                org.eclipse.core.runtime.Platform.getBundle(EdgeLaunch.PLUGIN_ID)).toFile().toPath()
                .resolve("runs").resolve(config.getName().replaceAll("[^A-Za-z0-9._-]", "_")).resolve("logs")
                .resolve("Filter.log");
        EdgeWorkspace.waitUntil("the module's rejection in " + filterLog, TIMEOUT, () -> {
            try {
                return Files.isRegularFile(filterLog) && Files.readString(filterLog).contains("rejected");
            } catch (IOException e) {
                return false;
            }
        });

        // the view's widgets: the modules table shows live status; its Stop and Start buttons drive the agent
        EdgeWorkspace.waitUntil("the view to list the running sensor", TIMEOUT,
                () -> "running".equals(shownStatus(SENSOR)));
        EdgeWorkspace.waitUntil("the view's route counters", TIMEOUT, () -> shownRouteCount("SensorToFilter") > 0);
        clickModuleAction(SENSOR, "Stop");
        EdgeWorkspace.waitUntil("the view to show the sensor stopped", TIMEOUT,
                () -> "stopped".equals(shownStatus(SENSOR)));
        awaitStatus(model, SENSOR, "stopped");
        int stoppedAt = sensorReadingsAtUpstream(model);
        clickModuleAction(SENSOR, "Start");
        EdgeWorkspace.waitUntil("the view to show the sensor running again", TIMEOUT,
                () -> "running".equals(shownStatus(SENSOR)));
        EdgeWorkspace.waitUntil("readings of the started sensor at $upstream", TIMEOUT,
                () -> sensorReadingsAtUpstream(model) > stoppedAt);

        // Restart of the IDE's module relaunches its Java application inside the launch
        IProcess filter = moduleProcess(launch, "Filter");
        model.restart("Filter");
        assertTrue(filter.isTerminated(), "the old Filter process ended");
        IProcess relaunched = moduleProcess(launch, "Filter");
        assertNotSame(filter, relaunched);
        assertEquals("running", status(model, "Filter").status());
        awaitConnected(launch, model, "Filter");
        String afterRestart = uniqueMarker();
        model.sendMessage("Filter", "input1", telemetry(afterRestart, 40));
        EdgeWorkspace.waitUntil("a message through the restarted Filter", TIMEOUT, () -> atUpstream(model, afterRestart));

        List<ProcessHandle> children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        List<ProcessHandle> runtimeChildren = runtime.descendants().filter(ProcessHandle::isAlive).toList();
        assertFalse(runtimeChildren.isEmpty(), "the agent runs the sensor as a child of the runtime");
        assertTrue(children.size() >= 3, "runtime, sensor and Filter run as child processes: " + children);
        terminate(launch);
        EdgeWorkspace.waitUntil("every child process to exit", TIMEOUT,
                () -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(runtime.isAlive());
        assertTrue(runtimeChildren.stream().noneMatch(ProcessHandle::isAlive), "no module of the agent left");

        // by now the module libraries have a class-data archive (written once an earlier Filter JVM had ended)
        EdgeWorkspace.waitUntil("the module libraries' class-data archive", TIMEOUT,
                () -> moduleLibrariesArchive().isPresent());
        launch = launch(config, ILaunchManager.RUN_MODE);
        awaitConnected(launch, model, "Filter");
        assertTrue(filterMapsTheLibrariesArchive(), "Filter's JVM maps the libraries' archive");
        String again = uniqueMarker();
        model.sendMessage("Filter", "input1", telemetry(again, 50));
        EdgeWorkspace.waitUntil("the relaunched edge to route a message", TIMEOUT, () -> atUpstream(model, again));
        Process second = runtimeProcess(launch);
        List<ProcessHandle> secondChildren = second.descendants().toList();
        terminate(launch);
        EdgeWorkspace.waitUntil("the relaunched runtime's modules to exit", TIMEOUT,
                () -> secondChildren.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive), "no process left");
    }

    @Test
    @Order(1) // the workbench session's first launch, as the Debug number is defined
    void debugStopsAtABreakpointInTheHandlerAndHotCodeReplaceChangesTheRunningModule() throws Exception {
        solution = EdgeWorkspace.solutionFromExample("thermo-debug", "thermostat");
        IJavaProject java = EdgeWorkspace.javaModuleProject(solution, "Filter");
        module = java.getProject();
        ILaunchConfiguration config = configuration(solution.getFile("thermostat.edge"));
        EdgeViewModel model = edgeView().model();

        // measured as a user clicks, on the workbench session's first launch: the workspace built and indexed, the
        // runtime prepared in the background after start-up; no module has run yet in this workspace
        launch = debugAndMeasure(config, model, "Debug click -> first routed message");
        assertEquals(1, launch.getDebugTargets().length, "Filter runs under the debugger");

        // a desired-twin edit from the view reaches the module under the debugger and comes back as reported
        model.setDesired("Filter", "{\"TemperatureThreshold\": 120}");
        awaitReportedThreshold(launch, model, 120);
        IFile handler = module.getFile("src/main/java/filter/FilterHandler.java");
        int line = lineOf(handler, "module.sendOutput1(message);");
        IJavaLineBreakpoint breakpoint = JDIDebugModel.createLineBreakpoint(handler, "filter.FilterHandler", line,
                -1, -1, 0, true, null);
        try {
            // the debugger sets it in the running module asynchronously
            EdgeWorkspace.waitUntil("the breakpoint to be set in Filter", TIMEOUT, () -> installed(breakpoint));
            String second = uniqueMarker();
            model.sendMessage("Filter", "input1", telemetry(second, 135));
            try {
                EdgeWorkspace.waitUntil("Filter to stop at the breakpoint", TIMEOUT,
                        () -> suspendedThread().isPresent());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (the message passed to $upstream: "
                        + atUpstream(model, second) + "; threshold reported: " + reportedThreshold(model) + ")", e);
            }
            assertFalse(atUpstream(model, second), "the message waits while the handler is suspended");
            // the sensor's readings pass the same line: resume whatever stops there until the test's message is through
            EdgeWorkspace.waitUntil("the message after resuming", TIMEOUT, () -> {
                suspendedThread().ifPresent(thread -> {
                    try {
                        thread.resume();
                    } catch (DebugException e) {
                        throw new AssertionError("cannot resume " + thread, e);
                    }
                });
                return atUpstream(model, second);
            });
        } finally {
            breakpoint.delete();
        }

        // hot code replace: a changed handler body takes effect in the running module, without a restart
        IProcess filter = moduleProcess(launch, "Filter");
        java.util.concurrent.CompletableFuture<String> replaced = new java.util.concurrent.CompletableFuture<>();
        IJavaHotCodeReplaceListener listener = new IJavaHotCodeReplaceListener() {
            @Override
            public void hotCodeReplaceSucceeded(IJavaDebugTarget target) {
                replaced.complete("replaced");
            }

            @Override
            public void hotCodeReplaceFailed(IJavaDebugTarget target, DebugException exception) {
                replaced.complete("failed: " + exception.getMessage());
            }

            @Override
            public void obsoleteMethods(IJavaDebugTarget target) {
                replaced.complete("obsolete methods");
            }
        };
        JDIDebugModel.addHotCodeReplaceListener(listener);
        try {
            String source = new String(handler.getContents(true).readAllBytes(), handler.getCharset());
            handler.setContents(new java.io.ByteArrayInputStream(source.replace("module.sendOutput1(message);",
                    "module.sendOutput1(new Telemetry(new Machine(message.machine().temperature() + 1000,"
                            + " message.machine().pressure()), message.ambient(), message.timeCreated()));")
                    .getBytes(handler.getCharset())), IResource.FORCE, null);
            module.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
            EdgeWorkspace.waitUntil("the debugger to replace the handler's code", TIMEOUT, replaced::isDone);
            assertEquals("replaced", replaced.join());
        } finally {
            JDIDebugModel.removeHotCodeReplaceListener(listener);
        }
        String third = uniqueMarker();
        model.sendMessage("Filter", "input1", telemetry(third, 30));
        EdgeWorkspace.waitUntil("a message through the replaced handler", TIMEOUT, () -> atUpstream(model, third));
        String body = model.client().orElseThrow().upstream(100).stream().map(m -> m.path("body").asText())
                .filter(b -> b.contains("\"pressure\":" + third)).findFirst().orElseThrow();
        assertTrue(body.contains("\"temperature\":1030.0"), "the new handler code ran: " + body);
        assertSame(filter, moduleProcess(launch, "Filter"), "the same Filter process, not restarted");
        terminate(launch);

        // the next Debug click: the module libraries' class-data archive written meanwhile, the launch code warm
        EdgeWorkspace.waitUntil("the module libraries' class-data archive", TIMEOUT,
                () -> moduleLibrariesArchive().isPresent());
        launch = debugAndMeasure(config, model, "Debug relaunch -> first routed message");
        terminate(launch);
    }

    /** Launches in Debug mode once the workspace is idle, and prints the time until a message has passed Filter. */
    private static ILaunch debugAndMeasure(ILaunchConfiguration config, EdgeViewModel model, String what)
            throws IOException {
        EdgeWorkspace.awaitIdle(TIMEOUT);
        long clicked = System.nanoTime();
        Duration workbenchCpu = cpu(ProcessHandle.current());
        java.util.Map<String, Long> threadsCpu = threadCpu();
        long[] jitAndGc = jitAndGcMillis();
        ILaunch started = launch(config, ILaunchManager.DEBUG_MODE);
        long registered = System.nanoTime();
        awaitConnected(started, model, "Filter");
        long connected = System.nanoTime();
        String marker = uniqueMarker();
        model.sendMessage("Filter", "input1", telemetry(marker, 30));
        EdgeWorkspace.waitUntil("the first routed message", TIMEOUT, () -> atUpstream(model, marker));
        long routed = System.nanoTime();
        System.out.printf("%s: %d ms (runtime answering %d ms, Filter connected %d ms; load average %s)%n", what,
                (routed - clicked) / 1_000_000, (registered - clicked) / 1_000_000, (connected - clicked) / 1_000_000,
                loadAverage());
        System.out.println("CPU time until then: " + cpuByProcess(workbenchCpu) + "; Filter maps the libraries'"
                + " class-data archive: " + filterMapsTheLibrariesArchive());
        long[] jitAndGcAfter = jitAndGcMillis();
        System.out.println("Workbench threads: " + busiestThreads(threadsCpu, cpu(ProcessHandle.current())
                .minus(workbenchCpu)) + "; JIT compiling " + (jitAndGcAfter[0] - jitAndGc[0]) + " ms, GC "
                + (jitAndGcAfter[1] - jitAndGc[1]) + " ms");
        return started;
    }

    @Test
    void preparesTheRuntimesClassDataArchiveInTheBackground() throws Exception {
        EdgeWorkspace.awaitIdle(TIMEOUT);
        java.nio.file.Path archive = BundledRuntime.classDataArchive(BundledRuntime.jar(), BundledRuntime.java());
        Files.deleteIfExists(archive);
        java.nio.file.Path modules = archive.resolveSibling("modules");
        if (Files.isDirectory(modules)) {
            try (var archives = Files.list(modules)) {
                for (java.nio.file.Path old : archives.toList()) {
                    Files.delete(old);
                }
            }
        }
        assertTrue(RuntimeWarmUp.scheduleIfNeeded(), "no archive: the preparation starts");
        assertFalse(RuntimeWarmUp.scheduleIfNeeded(), "one preparation at a time");
        EdgeWorkspace.awaitIdle(TIMEOUT);
        assertTrue(Files.size(archive) > 1_000_000, "the runtime's classes are archived: " + Files.size(archive));
        try (var archives = Files.list(modules)) {
            List<java.nio.file.Path> sensor = archives
                    .filter(f -> f.getFileName().toString().startsWith("SimulatedTemperatureSensor-")).toList();
            assertEquals(1, sensor.size(), "the simulated sensor's archive, shared by all launches: " + sensor);
            assertTrue(Files.size(sensor.get(0)) > 1_000_000, "the sensor's classes are archived");
        }
        assertFalse(RuntimeWarmUp.scheduleIfNeeded(), "prepared once");
        assertFalse(ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive), "no runtime left");
    }

    @Test
    void twoSolutionsRunSideBySideOnTheirOwnAddresses() throws Exception {
        solution = EdgeWorkspace.solutionFromExample("factory-side", "factory-line");
        module = EdgeWorkspace.solutionFromExample("greenhouse-side", "greenhouse");
        ILaunch factory = launch(configuration(solution), ILaunchManager.RUN_MODE);
        launch = launch(configuration(module), ILaunchManager.RUN_MODE);
        try {
            ManagementClient factoryApi = new ManagementClient(java.net.URI.create(
                    factory.getAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI)));
            ManagementClient greenhouseApi = new ManagementClient(java.net.URI.create(
                    launch.getAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI)));
            assertTrue(moduleIds(factoryApi).contains("PlcGateway"), "the factory line's modules");
            assertFalse(moduleIds(greenhouseApi).isEmpty());
            assertFalse(moduleIds(greenhouseApi).contains("PlcGateway"), "the greenhouse runs its own deployment");
            assertEquals(launch, io.edgestudio.launch.internal.view.EdgeRuntimes.active().orElseThrow(),
                    "the view follows the most recent launch");
        } finally {
            terminate(factory);
        }
        terminate(launch);
    }

    private static final String SENSOR = "SimulatedTemperatureSensor";

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU time of the workbench since {@code workbenchBefore} and of each of its child processes, by role. */
    private static String cpuByProcess(Duration workbenchBefore) {
        StringBuilder line = new StringBuilder("workbench ")
                .append(cpu(ProcessHandle.current()).minus(workbenchBefore).toMillis()).append(" ms");
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(process -> {
            String arguments = String.join(" ", process.info().arguments().orElse(new String[0]));
            String role = arguments.contains("SimulatedTemperatureSensor") ? "sensor"
                    : arguments.contains("edgestudio.environmentFile") ? "module"
                    : arguments.contains(" run ") ? "runtime" : process.info().command().orElse("?");
            line.append(", ").append(role).append(' ').append(cpu(process).toMillis()).append(" ms");
        });
        return line.toString();
    }

    /** The workbench JVM's total JIT compilation time and collection time so far. */
    private static long[] jitAndGcMillis() {
        long gc = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc};
    }

    private static java.util.Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long time = threads.getThreadCpuTime(id);
            if (info != null && time >= 0) {
                cpu.put(id + " " + info.getThreadName(), time);
            }
        }
        return cpu;
    }

    /** The workbench's threads that used most CPU since {@code before}, and what no Java thread accounts for. */
    private static String busiestThreads(java.util.Map<String, Long> before, Duration workbench) {
        java.util.Map<String, Long> delta = new java.util.HashMap<>();
        threadCpu().forEach((thread, time) -> delta.put(thread, time - before.getOrDefault(thread, 0L)));
        long javaThreads = delta.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder line = new StringBuilder();
        delta.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> line.append(e.getKey()).append(' ').append(e.getValue() / 1_000_000).append(" ms, "));
        return line.append("not in Java threads (JIT, GC) ").append(workbench.toMillis() - javaThreads / 1_000_000)
                .append(" ms").toString();
    }

    /** Whether the running Filter JVM has the module libraries' class-data archive mapped. */
    private static boolean filterMapsTheLibrariesArchive() throws IOException {
        Optional<java.nio.file.Path> archive = moduleLibrariesArchive();
        ProcessHandle filterJvm = ProcessHandle.current().descendants()
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                        .contains("edgestudio.environmentFile"))
                .findFirst().orElseThrow();
        return archive.isPresent() && Files.readString(java.nio.file.Path.of("/proc/" + filterJvm.pid() + "/maps"))
                .contains(archive.get().toString());
    }

    private static Optional<java.nio.file.Path> moduleLibrariesArchive() {
        try (var files = Files.list(ModuleClassData.directory())) {
            return files.filter(f -> f.getFileName().toString().matches("modules-[0-9a-f]+\\.jsa")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static EdgeViewModel.ModuleStatus status(EdgeViewModel model, String module) {
        EdgeViewModel.Snapshot snapshot = model.refresh();
        assertNull(snapshot.error(), "the management API answers");
        return snapshot.modules().stream().filter(m -> m.name().equals(module)).findFirst()
                .orElseThrow(() -> new AssertionError(module + " not in " + snapshot.modules()));
    }

    private static void awaitStatus(EdgeViewModel model, String module, String expected) {
        EdgeViewModel.ModuleStatus[] last = new EdgeViewModel.ModuleStatus[1];
        try {
            EdgeWorkspace.waitUntil(module + " to be " + expected, TIMEOUT, () -> {
                last[0] = status(model, module);
                return last[0].status().equals(expected);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last status " + last[0], e);
        }
    }

    private static JsonNode moduleEntry(EdgeViewModel model, String module) {
        return model.client().orElseThrow().modules().stream()
                .filter(m -> module.equals(m.path("moduleId").asText())).findFirst().orElseThrow();
    }

    /** Readings the agent's sensor sent (they carry its own time; the test's messages a fixed one). */
    private static int sensorReadingsAtUpstream(EdgeViewModel model) {
        return (int) model.client().orElseThrow().upstream(100).stream()
                .map(m -> m.path("body").asText())
                .filter(body -> body.contains("\"machine\"") && !body.contains(TEST_TIME)).count();
    }

    private static Process runtimeProcess(ILaunch launch) {
        return Arrays.stream(launch.getProcesses())
                .filter(p -> EdgeLaunch.RUNTIME_PROCESS_TYPE.equals(p.getAttribute(IProcess.ATTR_PROCESS_TYPE)))
                .map(p -> ((GracefulProcess) p).process()).findFirst().orElseThrow();
    }

    /** The running process of a module the IDE launched. */
    private static IProcess moduleProcess(ILaunch launch, String module) {
        return Arrays.stream(launch.getProcesses())
                .filter(p -> !p.isTerminated() && String.valueOf(p.getAttribute(IProcess.ATTR_PROCESS_LABEL))
                        .startsWith("Module " + module + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no running process of " + module));
    }

    private static List<String> moduleIds(ManagementClient api) {
        return api.modules().stream().map(m -> m.path("moduleId").asText()).toList();
    }

    /** Every widget of {@code type} under {@code root}. */
    private static <T extends Control> List<T> widgets(Control root, Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(widgets(child, type));
            }
        }
        return found;
    }

    /** The Edge view's table whose first columns are {@code first} and {@code second}. */
    private static Table viewTable(String first, String second) {
        try {
            Shell shell = edgeView().getSite().getShell();
            return widgets(shell, Table.class).stream()
                    .filter(t -> t.getColumnCount() > 1 && t.getColumn(0).getText().equals(first)
                            && t.getColumn(1).getText().equals(second))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + first + " table in the Edge view"));
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    /** The status the Edge view's modules table shows for {@code module}, or null when it has no row for it. */
    private static String shownStatus(String module) {
        return Arrays.stream(viewTable("Module", "Status").getItems()).filter(i -> i.getText(0).equals(module))
                .map(i -> i.getText(1)).findFirst().orElse(null);
    }

    /** The message count the Edge view's routes table shows for {@code route}. */
    private static long shownRouteCount(String route) {
        return Arrays.stream(viewTable("Route", "Messages").getItems()).filter(i -> i.getText(0).equals(route))
                .mapToLong(i -> Long.parseLong(i.getText(1))).findFirst().orElse(-1);
    }

    /** Selects {@code module}'s row in the Edge view and presses one of the buttons below the table. */
    private static void clickModuleAction(String module, String button) {
        Table table = viewTable("Module", "Status");
        TableItem[] items = table.getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getText(0).equals(module)) {
                table.setSelection(i);
                table.notifyListeners(SWT.Selection, new Event());
            }
        }
        Button action = widgets(table.getParent(), Button.class).stream().filter(b -> b.getText().equals(button))
                .findFirst().orElseThrow(() -> new AssertionError("no " + button + " button"));
        assertTrue(action.isEnabled(), button + " is enabled for " + module);
        action.notifyListeners(SWT.Selection, new Event());
    }

    private static EdgeView edgeView() throws CoreException {
        return (EdgeView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView(EdgeLaunch.VIEW_ID);
    }

    /** The project's configuration as the shortcut makes it, moved to a free loopback address. */
    private static ILaunchConfiguration configuration(org.eclipse.core.resources.IResource resource)
            throws CoreException {
        ILaunchConfigurationWorkingCopy config = EdgeLaunchShortcut.configurationFor(resource).getWorkingCopy();
        String host = EdgeWorkspace.freeLoopback();
        config.setAttribute(EdgeLaunch.ATTR_BIND_ADDRESS, host);
        config.setAttribute(EdgeLaunch.ATTR_MANAGEMENT_PORT, EdgeWorkspace.freePort(host));
        return config.doSave();
    }

    /** Launches as Run As / Debug As do and returns the launch once its runtime is registered. */
    private static ILaunch launch(ILaunchConfiguration config, String mode) {
        DebugUITools.launch(config, mode);
        ILaunch[] found = new ILaunch[1];
        // a launch imports and builds the solution's Java modules first (three in the factory line)
        EdgeWorkspace.waitUntil("the launch to start its runtime", TIMEOUT.multipliedBy(3), () -> {
            found[0] = Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
                    .filter(l -> config.equals(l.getLaunchConfiguration()) && !l.isTerminated())
                    .filter(l -> l.getAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI) != null)
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static boolean installed(IJavaLineBreakpoint breakpoint) {
        try {
            return breakpoint.isInstalled();
        } catch (CoreException e) {
            return false;
        }
    }

    private static void terminate(ILaunch launch) throws DebugException {
        launch.terminate();
        EdgeWorkspace.waitUntil("the launch to terminate", TIMEOUT, launch::isTerminated);
    }

    private static void awaitConnected(ILaunch launch, EdgeViewModel model, String module) {
        try {
            awaitConnected(model, module);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + consoles(launch), e);
        }
    }

    /**
     * Waits for a module to report a desired threshold; a wait longer than 10 s prints the launch's consoles, a
     * failed one carries them.
     */
    private static void awaitReportedThreshold(ILaunch launch, EdgeViewModel model, double threshold) {
        long began = System.nanoTime();
        try {
            EdgeWorkspace.waitUntil("Filter to report the threshold " + threshold, TIMEOUT,
                    () -> reportedThreshold(model) == threshold);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (twin: " + model.twin("Filter") + ")" + consoles(launch), e);
        }
        if (System.nanoTime() - began > 10_000_000_000L) {
            System.out.println("slow twin report; twin " + model.twin("Filter") + consoles(launch));
        }
    }

    /** The consoles of a launch's processes, with exit codes. */
    private static String consoles(ILaunch launch) {
        StringBuilder consoles = new StringBuilder();
        for (var process : launch.getProcesses()) {
            consoles.append("\n--- ").append(process.getLabel()).append(" (terminated: ")
                    .append(process.isTerminated()).append(")\n");
            try {
                consoles.append("exit ").append(process.isTerminated() ? process.getExitValue() : "-").append('\n');
            } catch (DebugException notYet) {
                // still running
            }
            var console = DebugUITools.getConsole(process);
            if (console instanceof org.eclipse.ui.console.TextConsole text) {
                consoles.append(text.getDocument().get());
            }
            if (process.getStreamsProxy() != null) {
                consoles.append(process.getStreamsProxy().getOutputStreamMonitor().getContents())
                        .append(process.getStreamsProxy().getErrorStreamMonitor().getContents());
            }
        }
        return consoles.toString();
    }

    private static void awaitConnected(EdgeViewModel model, String module) {
        EdgeWorkspace.waitUntil(module + " to connect", TIMEOUT, () -> model.client().map(api -> {
            try {
                return api.modules().stream().anyMatch(m -> module.equals(m.path("moduleId").asText())
                        && "Connected".equals(m.path("connectionState").asText()));
            } catch (RuntimeException notYet) {
                return false;
            }
        }).orElse(false));
    }

    private static boolean atUpstream(EdgeViewModel model, String marker) {
        Optional<ManagementClient> api = model.client();
        return api.isPresent() && api.get().upstream(100).stream()
                .anyMatch(m -> m.path("body").asText().contains("\"pressure\":" + marker));
    }

    private static double reportedThreshold(EdgeViewModel model) {
        JsonNode reported = ManagementClient.section(model.twin("Filter"), "reported");
        return reported.path("TemperatureThreshold").asDouble(Double.NaN);
    }

    /** A unique pressure reading: it survives the module's round trip through its records, so it marks the message. */
    private static String uniqueMarker() {
        return "1." + (100_000 + new java.util.Random().nextInt(900_000)) + "1";
    }

    private static final String TEST_TIME = "2026-11-23T12:00:00Z";

    private static String telemetry(String pressure, double temperature) {
        return """
                {"machine": {"temperature": %s, "pressure": %s},
                 "ambient": {"temperature": 21.0, "humidity": 40},
                 "timeCreated": "%s"}
                """.formatted(temperature, pressure, TEST_TIME);
    }

    private Optional<IThread> suspendedThread() {
        for (IDebugTarget target : launch.getDebugTargets()) {
            try {
                for (IThread thread : target.getThreads()) {
                    if (thread.isSuspended() && thread.getBreakpoints().length > 0) {
                        return Optional.of(thread);
                    }
                }
            } catch (DebugException e) {
                // target is going away
            }
        }
        return Optional.empty();
    }

    private static int lineOf(IFile file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file.getLocation().toFile().toPath());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
