package io.edgestudio.ui.internal.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

import io.edgestudio.ui.EdgeUi;

/**
 * File › New › Edge Module: adds a module (name, language or image, ports) to a {@code .edge} file of a
 * solution; the Edge builder then regenerates the manifests (and the skeleton of a language module).
 */
public final class NewModuleWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private IFile target;
    private NewModulePage page;

    public NewModuleWizard() {
        setWindowTitle("New Edge Module");
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        Object first = selection == null ? null : selection.getFirstElement();
        if (first instanceof IFile file && EdgeUi.EDGE_FILE_EXTENSION.equals(file.getFileExtension())) {
            target = file;
        }
    }

    @Override
    public void addPages() {
        page = new NewModulePage(target);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        ModuleDeclaration module = page.declaration();
        IFile file = page.targetFile();
        try {
            String text = new String(file.getContents(true).readAllBytes(), file.getCharset());
            String updated = (text.endsWith("\n") || text.isEmpty() ? text : text + "\n") + module.text();
            file.setContents(new ByteArrayInputStream(updated.getBytes(file.getCharset())), IResource.KEEP_HISTORY,
                    null);
            IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
            return true;
        } catch (CoreException | IOException e) {
            page.setErrorMessage("Cannot add the module to " + file.getName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Fills the page as a user would (the wizard's dialog must have been created). */
    public void fill(String moduleName, int languageIndex, String imageName, String inputs, String outputs) {
        page.fill(moduleName, languageIndex, imageName, inputs, outputs);
    }

    /** Whether the page accepts what was entered; the error message otherwise. */
    public String problem() {
        return page.getErrorMessage();
    }
}
