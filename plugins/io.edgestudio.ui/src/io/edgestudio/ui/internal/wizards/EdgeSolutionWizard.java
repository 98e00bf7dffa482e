package io.edgestudio.ui.internal.wizards;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

import io.edgestudio.ui.internal.project.EdgeNature;
import io.edgestudio.ui.internal.project.ModuleProjects;

/**
 * File › New › Edge Solution: a project with the Edge nature and a ready-to-run example solution, built at
 * once, with each generated Java module imported as a Java project of the workspace.
 */
public final class EdgeSolutionWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private WizardNewProjectCreationPage page;
    private String initialProjectName;
    private IFile solutionFile;

    public EdgeSolutionWizard() {
        setWindowTitle("New Edge Solution");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
    }

    /** Pre-fills the project name (the solution is named after it). */
    public void setInitialProjectName(String name) {
        this.initialProjectName = name;
    }

    @Override
    public void addPages() {
        page = new WizardNewProjectCreationPage("solution");
        page.setTitle("Edge Solution");
        page.setDescription("Create a project with an example edge solution: a sensor, a Java filter module "
                + "with a twin threshold, and routes to the cloud.");
        if (initialProjectName != null) {
            page.setInitialProjectName(initialProjectName);
        }
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IProject project = page.getProjectHandle();
        IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(project.getName());
        if (!page.useDefaults()) {
            description.setLocationURI(page.getLocationURI());
        }
        try {
            getContainer().run(true, false, new WorkspaceModifyOperation() {
                @Override
                protected void execute(IProgressMonitor monitor) throws CoreException {
                    create(project, description, monitor);
                }
            });
        } catch (InvocationTargetException e) {
            page.setErrorMessage("Cannot create the project: " + e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), solutionFile);
        } catch (PartInitException e) {
            page.setErrorMessage("Created the project, but cannot open " + solutionFile.getName());
        }
        return true;
    }

    private void create(IProject project, IProjectDescription description, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating " + project.getName(), 5);
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        EdgeNature.addTo(project);
        String solutionName = ExampleSolution.solutionName(project.getName());
        solutionFile = project.getFile(ExampleSolution.fileName(project.getName()));
        byte[] content = ExampleSolution.text(solutionName).getBytes(StandardCharsets.UTF_8);
        solutionFile.create(new ByteArrayInputStream(content), IResource.FORCE, progress.split(1));
        // generate now (manifests, module skeletons) so that the Java modules can be imported right away
        project.build(IncrementalProjectBuilder.FULL_BUILD, progress.split(1));
        ModuleProjects.importAll(project, progress.split(1));
    }
}
