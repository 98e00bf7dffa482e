package io.edgestudio.ui.internal.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;

import io.edgestudio.ui.EdgeUi;
import io.edgestudio.ui.internal.project.EdgeNature;
import io.edgestudio.ui.internal.project.ModuleProjects;

/**
 * File › New › Edge Module: adds a module (name, language or image, ports) to a {@code .edge} file of a
 * solution. In an Edge Solution project the solution is then built (manifests, the skeleton of a language
 * module) and a new Java module is imported as a Java project of the workspace.
 */
public final class NewModuleWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private IFile target;
    private NewModulePage page;

    public NewModuleWizard() {
        setWindowTitle("New Edge Module");
        setNeedsProgressMonitor(true);
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
            IProject project = file.getProject();
            if (project.hasNature(EdgeNature.ID)) {
                getContainer().run(true, false, new WorkspaceModifyOperation() {
                    @Override
                    protected void execute(IProgressMonitor monitor) throws CoreException {
                        SubMonitor progress = SubMonitor.convert(monitor, "Generating module " + module.name(), 2);
                        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, progress.split(1));
                        ModuleProjects.importAll(project, progress.split(1));
                    }
                });
            }
            IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
            return true;
        } catch (CoreException | IOException e) {
            page.setErrorMessage("Cannot add the module to " + file.getName() + ": " + e.getMessage());
            return false;
        } catch (InvocationTargetException e) {
            page.setErrorMessage("Added the module to " + file.getName() + ", but cannot generate its project: "
                    + e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
