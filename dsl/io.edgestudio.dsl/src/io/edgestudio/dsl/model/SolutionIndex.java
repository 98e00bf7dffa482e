package io.edgestudio.dsl.model;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.edge.Element;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;

/**
 * The solution a file belongs to: every module, route and solution block visible from it through
 * the index, across files. A deployment has one namespace of module and route names, whatever
 * packages the files use, so whole-solution rules (uniqueness, the 50-module limit, the route
 * graph) work on this view.
 */
public class SolutionIndex {

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;

	@Inject
	private IContainer.Manager containerManager;

	@Inject
	private IQualifiedNameProvider qualifiedNames;

	/** All modules of the solution, this file's included. */
	public List<Module> modules(EObject context) {
		return view(context).modules();
	}

	/** All routes of the solution, this file's included. */
	public List<Route> routes(EObject context) {
		return view(context).routes();
	}

	/** All solution blocks; a well-formed solution has exactly one. */
	public List<Solution> solutions(EObject context) {
		return view(context).solutions();
	}

	/** The route graph of the solution as it is now. */
	public RouteGraph graph(EObject context) {
		return view(context).graph();
	}

	/**
	 * The solution as it is now, in one pass: the file's own elements (which may be ahead of the
	 * index while it is edited), then those the index knows in the other files of the solution.
	 */
	public SolutionView view(EObject context) {
		List<Module> modules = new ArrayList<>();
		List<Route> routes = new ArrayList<>();
		List<Solution> solutions = new ArrayList<>();
		List<String> types = new ArrayList<>();
		Resource resource = context.eResource();
		if (resource == null) {
			return new SolutionView(modules, routes, solutions, types);
		}
		for (EObject root : resource.getContents()) {
			if (root instanceof Model model) {
				for (Element element : model.getElements()) {
					add(element, modules, routes, solutions);
					if (isType(element.eClass()) && qualifiedNames.getFullyQualifiedName(element) != null) {
						types.add(typeKey(element.eClass(), qualifiedNames.getFullyQualifiedName(element)));
					}
				}
			}
		}
		for (IResourceDescription other : otherFiles(resource)) {
			for (IEObjectDescription description : other.getExportedObjects()) {
				if (isSolutionElement(description.getEClass())) {
					add(resolve(description, resource), modules, routes, solutions);
				} else if (isType(description.getEClass())) {
					types.add(typeKey(description.getEClass(), description.getQualifiedName()));
				}
			}
		}
		return new SolutionView(modules, routes, solutions, types);
	}

	/** The key under which a view counts a message, enum or twin type's name. */
	public String typeKey(EObject type) {
		QualifiedName name = qualifiedNames.getFullyQualifiedName(type);
		return name == null ? null : typeKey(type.eClass(), name);
	}

	private static String typeKey(EClass type, QualifiedName name) {
		return SolutionView.typeKey(type == EdgePackage.Literals.TWIN_SCHEMA, name.toString());
	}

	private static boolean isType(EClass type) {
		return type == EdgePackage.Literals.MESSAGE_TYPE || type == EdgePackage.Literals.ENUM_TYPE
				|| type == EdgePackage.Literals.TWIN_SCHEMA;
	}

	private List<IResourceDescription> otherFiles(Resource resource) {
		IResourceDescriptions index = descriptionsProvider.getResourceDescriptions(resource);
		IResourceDescription self = index.getResourceDescription(resource.getURI());
		if (self == null) {
			return List.of();
		}
		// The index may hold the file under its normalized URI.
		Set<URI> seen = new HashSet<>(List.of(resource.getURI(), self.getURI()));
		List<IResourceDescription> others = new ArrayList<>();
		for (IContainer container : containerManager.getVisibleContainers(self, index)) {
			for (IResourceDescription description : container.getResourceDescriptions()) {
				if (seen.add(description.getURI())) {
					others.add(description);
				}
			}
		}
		return others;
	}

	private static boolean isSolutionElement(EClass type) {
		return type == EdgePackage.Literals.MODULE || type == EdgePackage.Literals.ROUTE || type == EdgePackage.Literals.SOLUTION;
	}

	private static void add(EObject element, List<Module> modules, List<Route> routes, List<Solution> solutions) {
		switch (element) {
			case Module module -> modules.add(module);
			case Route route -> routes.add(route);
			case Solution solution -> solutions.add(solution);
			case null, default -> {
				// messages, enums and twins are not part of the deployment's namespaces
			}
		}
	}

	private static EObject resolve(IEObjectDescription description, Resource from) {
		EObject object = description.getEObjectOrProxy();
		if (object.eIsProxy() && from.getResourceSet() != null) {
			object = from.getResourceSet().getEObject(description.getEObjectURI(), true);
		}
		return object == null || object.eIsProxy() ? null : object;
	}
}
