package io.edgestudio.launch.internal.launching;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.osgi.framework.FrameworkUtil;

import io.edgestudio.launch.EdgeLaunch;
import io.edgestudio.launch.internal.runtime.BundledRuntime;
import io.edgestudio.launch.internal.runtime.GracefulProcess;
import io.edgestudio.launch.internal.runtime.RuntimeCommand;
import io.edgestudio.launch.internal.runtime.RuntimeStartup;
import io.edgestudio.launch.internal.runtime.RuntimeWarmUp;
import io.edgestudio.ui.internal.project.ModuleProjects;

/**
 * Launches an Edge solution: generates its manifest when stale, starts the bundled runtime ({@code edge run}: hub
 * and agent) as its own JVM (a process with its console in the Debug view) and, beside it, the modules that are
 * Java projects in the workspace through JDT in the launch's mode (each waits for the credentials the runtime writes,
 * then connects), and returns once the runtime's management API answers; the agent starts all other modules as
 * processes of the runtime. Everything belongs to one {@link ILaunch}, so Terminate stops it all.
 */
public final class EdgeLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false; // launch() builds exactly the solution and its module projects
    }

    @Override
    public ILaunch getLaunch(ILaunchConfiguration configuration, String mode) {
        return new EdgeSolutionLaunch(configuration, mode, null);
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Launching " + configuration.getName(), 10);
        LaunchSettings settings = LaunchSettings.of(configuration);
        SolutionProject solution = SolutionProject.named(settings.project());
        IFile manifest = solution.buildManifest(progress.split(2));
        Path manifestPath = manifest.getLocation().toFile().toPath();
        Map<String, Map<String, String>> modules = SolutionProject.modules(manifestPath);
        // generated Java modules the builder's background import has not reached yet become projects now, so that
        // the IDE runs every one of them (the agent would build them with Maven instead)
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(m -> ModuleProjects.importAll(solution.project(), m), workspace.getRoot(), IWorkspace.AVOID_UPDATE,
                progress.split(1));
        List<ModuleProject> javaModules = new ArrayList<>();
        for (String module : modules.keySet()) {
            ModuleProject.find(solution.project(), module).ifPresent(javaModules::add);
        }
        for (ModuleProject module : javaModules) {
            module.project().getProject().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, progress.split(1));
        }
        progress.setWorkRemaining(6);

        // a preparation of the runtime's class-data archive under way ends sooner than a second cold runtime starts
        RuntimeWarmUp.awaitRunning(progress.split(1));
        Path runtimeJar = BundledRuntime.jar();
        Path java = BundledRuntime.java();
        RuntimeCommand command = new RuntimeCommand(java, runtimeJar, manifestPath, stateDirectory(configuration),
                settings.runtime(), javaModules.stream().map(ModuleProject::module).toList(),
                BundledRuntime.classDataArchive(runtimeJar, java));
        // credentials of an earlier run are not this run's: a module started now waits for the runtime's
        for (ModuleProject module : javaModules) {
            deleteStale(command.moduleEnvironmentFile(module.module()));
        }
        progress.subTask("Starting the local edge runtime");
        GracefulProcess runtime = startRuntime(launch, command);
        // the modules' JVMs start beside the runtime's: each reads its credentials once the runtime has written them
        IdeModules ide = IdeModules.register(launch);
        ide.installSourceLookup(javaModules);
        for (ModuleProject module : javaModules) {
            if (progress.isCanceled()) {
                launch.terminate();
                return;
            }
            progress.subTask("Starting module " + module.module());
            String moduleMode = ILaunchManager.DEBUG_MODE.equals(mode) && settings.debugs(module.module())
                    ? ILaunchManager.DEBUG_MODE : ILaunchManager.RUN_MODE;
            try {
                ide.launch(new IdeModules.Entry(module, moduleMode, modules.get(module.module()),
                        command.moduleEnvironmentFile(module.module()),
                        command.stateDirectory().resolve("logs").resolve(module.module() + ".log")));
                progress.worked(1);
            } catch (CoreException e) {
                launch.terminate();
                throw e;
            }
        }
        progress.subTask("Waiting for the local edge runtime");
        try {
            new RuntimeStartup(runtime, settings.runtime()).awaitReady(progress.split(2));
        } catch (CoreException | RuntimeException e) {
            launch.terminate();
            throw e;
        }
        // from now on the Edge view (and anyone else) may talk to this launch's runtime
        launch.setAttribute(EdgeLaunch.LAUNCH_MANAGEMENT_URI, settings.runtime().managementUri().toString());
    }

    private static void deleteStale(Path file) throws CoreException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw error("Cannot remove the old module credentials " + file + ": " + e.getMessage());
        }
    }

    private static GracefulProcess startRuntime(ILaunch launch, RuntimeCommand command) throws CoreException {
        String[] commandLine = command.commandLine().toArray(String[]::new);
        File workingDirectory = command.stateDirectory().toFile();
        workingDirectory.mkdirs();
        Process process = DebugPlugin.exec(commandLine, workingDirectory);
        Map<String, String> attributes = new HashMap<>();
        attributes.put(IProcess.ATTR_PROCESS_TYPE, EdgeLaunch.RUNTIME_PROCESS_TYPE);
        attributes.put(IProcess.ATTR_CMDLINE, String.join(" ", commandLine));
        attributes.put(DebugPlugin.ATTR_PATH, command.java().toString());
        String label = "Local edge runtime (" + command.settings().bindAddress() + ")";
        return new GracefulProcess(launch, process, label, attributes);
    }

    /** Each configuration keeps its identities, certificates and stored messages between runs. */
    private static Path stateDirectory(ILaunchConfiguration configuration) {
        String name = configuration.getName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Platform.getStateLocation(FrameworkUtil.getBundle(EdgeLaunchDelegate.class)).toFile().toPath()
                .resolve("runs").resolve(name);
    }

    static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}
