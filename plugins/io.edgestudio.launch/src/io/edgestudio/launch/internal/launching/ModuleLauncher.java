package io.edgestudio.launch.internal.launching;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.debug.core.sourcelookup.ISourceContainer;
import org.eclipse.debug.core.sourcelookup.ISourceLookupDirector;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.JavaLaunchDelegate;
import org.eclipse.jdt.launching.sourcelookup.containers.JavaProjectSourceContainer;

/**
 * Launches workspace Java modules through JDT as local Java applications inside an Edge launch, so each shows
 * under it with its own console and, in Debug mode, runs under the Eclipse debugger from its first instruction.
 */
final class ModuleLauncher {

    /** The JVM options of a module launched from the IDE (the agent gives processes the same). */
    static final String MODULE_VM_ARGUMENTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";


    /**
     * The system property of generated Java modules that names the file holding the module's environment: a module
     * launched before the runtime has written it waits for it, so that its JVM starts beside the runtime's.
     */
    static final String ENVIRONMENT_FILE_PROPERTY = "edgestudio.environmentFile";

    /** JDT's source lookup director for Java launches. */
    private static final String JAVA_SOURCE_LOCATOR = "org.eclipse.jdt.launching.sourceLocator.JavaSourceLookupDirector";

    private final ILaunch launch;

    ModuleLauncher(ILaunch launch) {
        this.launch = launch;
    }

    /** Lets the debugger find the sources of all module projects (JDT would only know the first one's). */
    void installSourceLookup(List<ModuleProject> modules) throws CoreException {
        if (launch.getSourceLocator() != null || modules.isEmpty()) {
            return;
        }
        ISourceLookupDirector director = (ISourceLookupDirector) DebugPlugin.getDefault().getLaunchManager()
                .newSourceLocator(JAVA_SOURCE_LOCATOR);
        director.initializeDefaults(launch.getLaunchConfiguration());
        director.setSourceContainers(modules.stream()
                .map(m -> (ISourceContainer) new JavaProjectSourceContainer(m.project()))
                .toArray(ISourceContainer[]::new));
        launch.setSourceLocator(director);
    }

    /**
     * Starts a module in {@code mode} with the manifest's env and the credentials the runtime writes for it (read
     * now when they exist; otherwise the module reads them once the runtime has written them); its output goes to
     * its console and to {@code log} (appended to when the module is launched again).
     *
     * @return the module's process
     */
    IProcess launch(ModuleProject module, String mode, Map<String, String> manifestEnv, Path credentials,
            Path log, boolean appendLog, IProgressMonitor monitor) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType javaApplication = manager
                .getLaunchConfigurationType(IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION);
        ILaunchConfigurationWorkingCopy config = javaApplication.newInstance(null,
                manager.generateLaunchConfigurationName("Edge module " + module.module()));
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, module.project().getElementName());
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME, module.mainType());
        // as the runtime's agent starts Java modules: a module starts and connects sooner without the optimizing
        // compiler and with the serial collector, which matters more while developing than peak throughput
        // the libraries' classes from a class-data archive (made after an earlier run of a module with them)
        ModuleClassData classData = ModuleClassData.of(config);
        ModuleClassData.Setup classDataSetup = classData == null ? null : classData.apply(config, module.module());
        config.setAttribute(IJavaLaunchConfigurationConstants.ATTR_VM_ARGUMENTS, MODULE_VM_ARGUMENTS + " -D"
                + ENVIRONMENT_FILE_PROPERTY + "=\"" + credentials + "\""
                + (classDataSetup == null ? "" : classDataSetup.vmArguments()));
        Map<String, String> env = new LinkedHashMap<>(manifestEnv);
        if (Files.isRegularFile(credentials)) {
            env.putAll(readEnvironment(credentials)); // a relaunch: the runtime runs and wrote them
        }
        config.setAttribute(ILaunchManager.ATTR_ENVIRONMENT_VARIABLES, env);
        config.setAttribute(ILaunchManager.ATTR_APPEND_ENVIRONMENT_VARIABLES, true);
        int before = launch.getProcesses().length;
        new JavaLaunchDelegate().launch(config, mode, launch, monitor);
        IProcess[] processes = launch.getProcesses();
        if (processes.length == before) {
            throw new CoreException(Status.error("Module " + module.module() + " did not start."));
        }
        IProcess process = processes[processes.length - 1];
        // the console shows the module's output; a copy stays in the state directory after the launch ends (the
        // platform's "output file" belongs to a launch configuration, and this process runs in the solution's launch)
        copyOutput(process, log, appendLog);
        if (classDataSetup != null && classDataSetup.classList() != null) {
            classData.prepareAfter(process, classDataSetup.classList());
        }
        process.setAttribute(IProcess.ATTR_PROCESS_LABEL, "Module " + module.module() + " ("
                + module.project().getElementName() + ")");
        return process;
    }

    /** Appends everything the process writes to its output and error streams to {@code log} until it ends. */
    private static void copyOutput(IProcess process, Path log, boolean append) {
        IStreamsProxy streams = process.getStreamsProxy();
        if (streams == null) {
            return;
        }
        Writer writer;
        try {
            Files.createDirectories(log.getParent());
            writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            return; // the console still shows everything
        }
        IStreamListener copy = (text, monitor) -> {
            synchronized (writer) {
                try {
                    writer.write(text);
                    writer.flush();
                } catch (IOException e) {
                    // a full disk loses the copy, not the console
                }
            }
        };
        // added as soon as the process exists, well before its JVM prints its first line
        for (IStreamMonitor monitor : List.of(streams.getOutputStreamMonitor(), streams.getErrorStreamMonitor())) {
            monitor.addListener(copy);
        }
        whenTerminated(process, () -> {
            synchronized (writer) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // nothing more to write
                }
            }
        });
    }

    /** Runs {@code action} once {@code process} has terminated (on the thread that reports it). */
    static void whenTerminated(IProcess process, Runnable action) {
        DebugPlugin.getDefault().addDebugEventListener(new IDebugEventSetListener() {
            @Override
            public void handleDebugEvents(DebugEvent[] events) {
                for (DebugEvent event : events) {
                    if (event.getKind() == DebugEvent.TERMINATE && event.getSource() == process) {
                        DebugPlugin.getDefault().removeDebugEventListener(this);
                        action.run();
                    }
                }
            }
        });
    }

    /** The {@code KEY=value} lines of a module's credentials file. */
    static Map<String, String> readEnvironment(Path file) throws CoreException {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    env.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot read the module credentials " + file + ": " + e.getMessage(), e));
        }
        return env;
    }
}
