package io.edgestudio.ui.internal.wizards;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Path;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.edgestudio.ui.EdgeUi;

/** The New Edge Module wizard's one page: where the module goes and what it is. */
final class NewModulePage extends WizardPage {

    private final IFile initialTarget;
    private Text file;
    private Text name;
    private Combo language;
    private Text image;
    private Text inputs;
    private Text outputs;

    NewModulePage(IFile initialTarget) {
        super("module");
        this.initialTarget = initialTarget;
        setTitle("Edge Module");
        setDescription("Add a module to a solution. Ports: comma-separated, each 'name' or 'name: MessageType'.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        area.setLayout(new GridLayout(2, false));
        file = field(area, "Solution &file:", initialTarget == null ? "" : initialTarget.getFullPath().toString());
        name = field(area, "Module &name:", "");
        new Label(area, SWT.NONE).setText("&Language:");
        language = new Combo(area, SWT.READ_ONLY);
        language.setItems("java", "python", "csharp", "none (container image)");
        language.select(0);
        language.addModifyListener(e -> validate());
        image = field(area, "Container &image:", "");
        inputs = field(area, "&Inputs:", "input1");
        outputs = field(area, "&Outputs:", "output1");
        setControl(area);
        validate();
    }

    private Text field(Composite area, String label, String value) {
        new Label(area, SWT.NONE).setText(label);
        Text text = new Text(area, SWT.BORDER);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.setText(value);
        text.addModifyListener(e -> validate());
        return text;
    }

    ModuleDeclaration declaration() {
        int index = language.getSelectionIndex();
        return new ModuleDeclaration(name.getText().strip(), ModuleDeclaration.LANGUAGES.get(index),
                image.getText(), ModuleDeclaration.ports(inputs.getText()), ModuleDeclaration.ports(outputs.getText()));
    }

    IFile targetFile() {
        IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(new Path(file.getText().strip()));
        return resource instanceof IFile f && EdgeUi.EDGE_FILE_EXTENSION.equals(f.getFileExtension()) ? f : null;
    }

    /** Fills the fields (tests drive the page the way a user types). */
    void fill(String moduleName, int languageIndex, String imageName, String inputPorts, String outputPorts) {
        name.setText(moduleName);
        language.select(languageIndex);
        image.setText(imageName);
        inputs.setText(inputPorts);
        outputs.setText(outputPorts);
        validate();
    }

    private void validate() {
        String problem = targetFile() == null ? "Choose an existing .edge file of the solution." : declaration().problem();
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }
}
