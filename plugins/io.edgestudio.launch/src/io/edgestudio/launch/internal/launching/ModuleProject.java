package io.edgestudio.launch.internal.launching;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IMethod;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.core.JavaModelException;

/**
 * A module of a solution that is a Java project in the workspace, so the IDE launches it itself (under the
 * debugger in Debug mode) instead of the runtime's agent. For module {@code M} of solution project {@code S}, the
 * first open Java project that matches wins:
 * <ol>
 * <li>the project whose location is {@code S/modules/M} (where the generator writes the module's skeleton),</li>
 * <li>the project named {@code S-M},</li>
 * <li>the project named {@code M} (case-insensitive).</li>
 * </ol>
 * Its main class is the generated {@code m.MModule} (package: the module name in lower case), else the only type
 * named {@code MModule} with a {@code main} method.
 *
 * @param module the module name in the manifest
 * @param project the Java project
 * @param mainType fully qualified main class
 */
public record ModuleProject(String module, IJavaProject project, String mainType) {

    /** The workspace Java project of {@code module}, if there is one. */
    public static Optional<ModuleProject> find(IProject solution, String module) throws CoreException {
        Optional<IJavaProject> project = javaProject(solution, module);
        if (project.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModuleProject(module, project.get(), mainType(project.get(), module)));
    }

    private static Optional<IJavaProject> javaProject(IProject solution, String module) throws CoreException {
        IProject[] projects = ResourcesPlugin.getWorkspace().getRoot().getProjects();
        IPath generated = solution.getLocation().append("modules").append(module);
        String prefixed = solution.getName() + "-" + module;
        for (var rule : Arrays.<java.util.function.Predicate<IProject>>asList(
                p -> generated.equals(p.getLocation()),
                p -> p.getName().equalsIgnoreCase(prefixed),
                p -> p.getName().equalsIgnoreCase(module))) {
            for (IProject candidate : projects) {
                if (candidate.isOpen() && candidate.hasNature(JavaCore.NATURE_ID) && !candidate.equals(solution)
                        && rule.test(candidate)) {
                    return Optional.of(JavaCore.create(candidate));
                }
            }
        }
        return Optional.empty();
    }

    private static String mainType(IJavaProject project, String module) throws CoreException {
        String simple = Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Module";
        IType generated = project.findType(module.toLowerCase(Locale.ROOT) + "." + simple);
        if (generated != null && hasMain(generated)) {
            return generated.getFullyQualifiedName();
        }
        for (var root : project.getPackageFragmentRoots()) {
            if (root.getKind() != org.eclipse.jdt.core.IPackageFragmentRoot.K_SOURCE) {
                continue;
            }
            for (var element : root.getChildren()) {
                var fragment = (org.eclipse.jdt.core.IPackageFragment) element;
                for (var unit : fragment.getCompilationUnits()) {
                    IType type = unit.getType(simple);
                    if (type.exists() && hasMain(type)) {
                        return type.getFullyQualifiedName();
                    }
                }
            }
        }
        throw new CoreException(Status.error("Java project " + project.getElementName() + " of module " + module
                + " has no main class " + simple + " (the generated module's entry point)."));
    }

    private static boolean hasMain(IType type) throws JavaModelException {
        IMethod main = type.getMethod("main", new String[] { "[QString;" });
        return main.exists();
    }
}
