package io.edgestudio.launch.internal.launching;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ResourceListSelectionDialog;

import io.edgestudio.launch.internal.runtime.RuntimeSettings;

/**
 * The main tab: solution file (its project is what runs), device id, modules to debug, the runtime's address and
 * ports (defaults from Preferences › Edge Studio) and an offline start.
 */
public final class EdgeMainTab extends AbstractLaunchConfigurationTab {

    private Text solutionFile;
    private Text deviceId;
    private Text debugModules;
    private Text bindAddress;
    private Text mqttPort;
    private Text plainPort;
    private Text managementPort;
    private Button startOffline;

    @Override
    public void createControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(root);
        setControl(root);

        Group solution = group(root, "Solution", 3);
        solutionFile = field(solution, "Solution file:", 1);
        Button browse = createPushButton(solution, "Browse...", null);
        browse.addListener(SWT.Selection, e -> browseSolution());
        deviceId = field(solution, "Device id:", 2);
        debugModules = field(solution, "Modules to debug:", 2);
        debugModules.setToolTipText("Comma-separated module names run under the debugger in Debug mode; "
                + "empty: every module that is a Java project in the workspace");

        Group runtime = group(root, "Local edge runtime", 2);
        bindAddress = field(runtime, "Bind address:", 1);
        bindAddress.setToolTipText("A loopback address; give each solution running side by side its own 127.0.0.x");
        mqttPort = field(runtime, "MQTT (TLS) port:", 1);
        plainPort = field(runtime, "Plain MQTT port (0 = off):", 1);
        managementPort = field(runtime, "Management API port:", 1);
        startOffline = createCheckButton(runtime, "Start with the upstream offline (messages queue until online)");
        GridDataFactory.swtDefaults().span(2, 1).applyTo(startOffline);
        startOffline.addListener(SWT.Selection, e -> changed());
    }

    private static Group group(Composite parent, String title, int columns) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private Text field(Composite parent, String label, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(text);
        text.addModifyListener(e -> changed());
        return text;
    }

    private void changed() {
        setDirty(true);
        updateLaunchConfigurationDialog();
    }

    private void browseSolution() {
        ResourceListSelectionDialog dialog = new ResourceListSelectionDialog(getShell(),
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle("Edge Solution");
        dialog.setInitialSelections("*.edge");
        if (dialog.open() == Window.OK && dialog.getResult().length > 0) {
            solutionFile.setText(((IFile) dialog.getResult()[0]).getFullPath().toString());
        }
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        LaunchSettings.defaults("", "").applyTo(configuration);
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            LaunchSettings settings = LaunchSettings.of(configuration);
            solutionFile.setText(settings.solutionFile().isEmpty() && !settings.project().isEmpty()
                    ? "/" + settings.project() : settings.solutionFile());
            RuntimeSettings runtime = settings.runtime();
            deviceId.setText(runtime.deviceId());
            debugModules.setText(String.join(", ", settings.debugModules()));
            bindAddress.setText(runtime.bindAddress());
            mqttPort.setText(Integer.toString(runtime.mqttPort()));
            plainPort.setText(Integer.toString(runtime.plainPort()));
            managementPort.setText(Integer.toString(runtime.managementPort()));
            startOffline.setSelection(runtime.startOffline());
            setDirty(false);
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        String path = solutionFile.getText().strip();
        IResource resource = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        IProject project = resource == null ? null : resource.getProject();
        List<String> modules = Arrays.stream(debugModules.getText().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        new LaunchSettings(project == null ? "" : project.getName(), resource instanceof IFile ? path : "", modules,
                new RuntimeSettings(deviceId.getText().strip(), bindAddress.getText().strip(), port(mqttPort),
                        port(plainPort), port(managementPort), startOffline.getSelection()))
                .applyTo(configuration);
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        String path = solutionFile.getText().strip();
        IResource resource = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
        if (resource == null) {
            setErrorMessage("Choose the solution's .edge file (or its project).");
            return false;
        }
        if (deviceId.getText().isBlank()) {
            setErrorMessage("Enter a device id.");
            return false;
        }
        if (!bindAddress.getText().strip().matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) {
            setErrorMessage("The bind address must be an IP address such as 127.0.0.2.");
            return false;
        }
        for (Text port : List.of(mqttPort, plainPort, managementPort)) {
            if (port(port) < 0) {
                setErrorMessage("Ports are numbers from 0 to 65535.");
                return false;
            }
        }
        return true;
    }

    private static int port(Text text) {
        try {
            int port = Integer.parseInt(text.getText().strip());
            return port >= 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String getName() {
        return "Edge Solution";
    }
}
