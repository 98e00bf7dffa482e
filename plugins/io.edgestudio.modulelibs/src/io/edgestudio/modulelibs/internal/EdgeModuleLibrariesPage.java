package io.edgestudio.modulelibs.internal;

import java.io.IOException;

import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.ui.wizards.IClasspathContainerPage;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;

import io.edgestudio.modulelibs.EdgeModuleLibraries;

/** Build Path › Add Library… › Edge Module Libraries: shows the jars the container adds. */
public final class EdgeModuleLibrariesPage extends WizardPage implements IClasspathContainerPage {

    public EdgeModuleLibrariesPage() {
        super("edgeModuleLibraries");
        setTitle(EdgeModuleLibraries.DESCRIPTION);
        setDescription("The Azure IoT device SDK, Jackson and the JUnit API at the versions generated Edge modules use.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(5, 5).applyTo(composite);
        new Label(composite, SWT.NONE).setText("Jars (with source attachments where available):");
        List jars = new List(composite, SWT.BORDER | SWT.V_SCROLL | SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 200).applyTo(jars);
        try {
            for (EdgeModuleLibraries.Library library : EdgeModuleLibraries.libraries()) {
                jars.add(library.fileName() + (library.sources() == null ? "" : "  (sources)"));
            }
        } catch (IOException e) {
            setErrorMessage(e.getMessage());
        }
        setControl(composite);
    }

    @Override
    public boolean finish() {
        return true;
    }

    @Override
    public IClasspathEntry getSelection() {
        return EdgeModuleLibraries.containerEntry();
    }

    @Override
    public void setSelection(IClasspathEntry containerEntry) {
        // one container without options: nothing to select
    }
}
