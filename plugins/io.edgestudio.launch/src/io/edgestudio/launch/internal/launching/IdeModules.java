package io.edgestudio.launch.internal.launching;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IProcess;

import io.edgestudio.launch.internal.runtime.GracefulProcess;
import io.edgestudio.launch.internal.runtime.ProcessStop;

/**
 * The modules an Edge launch runs as Java applications through JDT (the agent leaves them to the IDE), so that
 * the Edge view can stop, start and restart them as it does the agent's modules: a restart terminates the
 * module's process (and its debug target) and launches it again, in the same mode, inside the same launch.
 */
public final class IdeModules {

    private static final Map<ILaunch, IdeModules> BY_LAUNCH = new WeakHashMap<>();

    /**
     * How one module is launched.
     *
     * @param project its Java project and main class
     * @param mode run or debug
     * @param manifestEnv the manifest's {@code env} of the module
     * @param credentials the environment file the runtime wrote for it
     * @param log where its output is copied
     */
    record Entry(ModuleProject project, String mode, Map<String, String> manifestEnv, Path credentials, Path log) {
    }

    /**
     * What the IDE knows about a module it runs.
     *
     * @param running whether its process runs
     * @param debug whether it runs under the debugger
     * @param exitCode its last exit code, or null while it runs
     * @param project the Java project's name
     */
    public record State(boolean running, boolean debug, Integer exitCode, String project) {
    }

    private final ILaunch launch;
    private final ModuleLauncher launcher;
    private final Map<String, Entry> modules = new LinkedHashMap<>();
    private final Map<String, IProcess> processes = new LinkedHashMap<>();

    private IdeModules(ILaunch launch) {
        this.launch = launch;
        this.launcher = new ModuleLauncher(launch);
    }

    /** The IDE modules of {@code launch}, created on first use. */
    static IdeModules register(ILaunch launch) {
        synchronized (BY_LAUNCH) {
            return BY_LAUNCH.computeIfAbsent(launch, IdeModules::new);
        }
    }

    /** The IDE modules of a running Edge launch, if it has any. */
    public static Optional<IdeModules> of(ILaunch launch) {
        synchronized (BY_LAUNCH) {
            return Optional.ofNullable(BY_LAUNCH.get(launch));
        }
    }

    /** Lets the debugger find the sources of all module projects. */
    void installSourceLookup(List<ModuleProject> projects) throws CoreException {
        launcher.installSourceLookup(projects);
    }

    /** Launches a module and remembers how, for later restarts. */
    synchronized IProcess launch(Entry entry) throws CoreException {
        String module = entry.project().module();
        modules.put(module, entry);
        boolean again = processes.containsKey(module);
        IProcess process = launcher.launch(entry.project(), entry.mode(), entry.manifestEnv(), entry.credentials(),
                entry.log(), again, new NullProgressMonitor());
        processes.put(module, process);
        return process;
    }

    /** Whether the IDE runs {@code module}. */
    public synchronized boolean contains(String module) {
        return modules.containsKey(module);
    }

    /** The state of an IDE module, if the IDE runs it. */
    public synchronized Optional<State> state(String module) {
        Entry entry = modules.get(module);
        if (entry == null) {
            return Optional.empty();
        }
        IProcess process = processes.get(module);
        boolean running = process != null && !process.isTerminated();
        Integer exit = null;
        if (process != null && process.isTerminated()) {
            try {
                exit = process.getExitValue();
            } catch (DebugException e) {
                // not known
            }
        }
        return Optional.of(new State(running, ILaunchManager.DEBUG_MODE.equals(entry.mode()), exit,
                entry.project().project().getElementName()));
    }

    /**
     * Terminates a module's process (through its debugger when it has one; gracefully, then forcibly after a grace
     * period) and waits until it has ended.
     */
    public void stop(String module) throws CoreException {
        IProcess process;
        synchronized (this) {
            requireEntry(module);
            process = processes.get(module);
        }
        if (process == null || process.isTerminated()) {
            return;
        }
        IDebugTarget target = process.getAdapter(IDebugTarget.class);
        if (target == null) {
            for (IDebugTarget candidate : launch.getDebugTargets()) {
                if (candidate.getProcess() == process) {
                    target = candidate;
                }
            }
        }
        if (target != null && target.canTerminate()) {
            try {
                target.terminate();
            } catch (DebugException e) {
                // the process is stopped below
            }
        }
        ProcessStop.of(process).ifPresent(p -> ProcessStop.stop(List.of(p), GracefulProcess.GRACE));
        if (!process.isTerminated()) {
            process.terminate();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!process.isTerminated() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!process.isTerminated()) {
            throw new CoreException(Status.error("Module " + module + " did not stop."));
        }
    }

    /** Launches a module again when it does not run. */
    public void start(String module) throws CoreException {
        Entry entry;
        synchronized (this) {
            entry = requireEntry(module);
            IProcess process = processes.get(module);
            if (process != null && !process.isTerminated()) {
                return;
            }
        }
        if (launch.isTerminated()) {
            throw new CoreException(Status.error("The launch of module " + module + " has ended: launch the solution"
                    + " again."));
        }
        launch(entry);
    }

    /** Stops a module's Java application and launches it again in the same mode. */
    public void restart(String module) throws CoreException {
        stop(module);
        start(module);
    }

    private Entry requireEntry(String module) throws CoreException {
        Entry entry = modules.get(module);
        if (entry == null) {
            throw new CoreException(Status.error("Module " + module + " is not launched by the IDE."));
        }
        return entry;
    }
}
