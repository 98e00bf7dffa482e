package io.edgestudio.ui.internal.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** The "Edge Solution" project nature: projects with it get the Edge builder. */
public final class EdgeNature implements IProjectNature {

    /** Nature id, as declared in plugin.xml. */
    public static final String ID = "io.edgestudio.ui.edgeNature";

    private IProject project;

    /** Adds the nature (and so the builder) to {@code project}, keeping its other natures. */
    public static void addTo(IProject project) throws CoreException {
        IProjectDescription description = project.getDescription();
        if (description.hasNature(ID)) {
            return;
        }
        List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
        natures.add(ID);
        description.setNatureIds(natures.toArray(String[]::new));
        project.setDescription(description, null);
    }

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        if (Arrays.stream(description.getBuildSpec()).anyMatch(c -> EdgeBuilder.ID.equals(c.getBuilderName()))) {
            return;
        }
        List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
        ICommand command = description.newCommand();
        command.setBuilderName(EdgeBuilder.ID);
        commands.add(command);
        description.setBuildSpec(commands.toArray(ICommand[]::new));
        project.setDescription(description, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        description.setBuildSpec(Arrays.stream(description.getBuildSpec())
                .filter(c -> !EdgeBuilder.ID.equals(c.getBuilderName()))
                .toArray(ICommand[]::new));
        project.setDescription(description, null);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
