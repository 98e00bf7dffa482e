package io.edgestudio.dsl.model;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
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

	/** All modules of the solution, this file's included. */
	public List<Module> modules(EObject context) {
		return visible(context, EdgePackage.Literals.MODULE, Module.class);
	}

	/** All routes of the solution, this file's included. */
	public List<Route> routes(EObject context) {
		return visible(context, EdgePackage.Literals.ROUTE, Route.class);
	}

	/** All solution blocks; a well-formed solution has exactly one. */
	public List<Solution> solutions(EObject context) {
		return visible(context, EdgePackage.Literals.SOLUTION, Solution.class);
	}

	/** The route graph of the solution as it is now. */
	public RouteGraph graph(EObject context) {
		return new RouteGraph(modules(context), routes(context));
	}

	private <T extends EObject> List<T> visible(EObject context, EClass type, Class<T> javaType) {
		Resource resource = context.eResource();
		if (resource == null) {
			return List.of();
		}
		IResourceDescriptions index = descriptionsProvider.getResourceDescriptions(resource);
		IResourceDescription self = index.getResourceDescription(resource.getURI());
		Map<String, T> found = new LinkedHashMap<>();
		if (self != null) {
			for (IContainer container : containerManager.getVisibleContainers(self, index)) {
				for (IEObjectDescription description : container.getExportedObjectsByType(type)) {
					EObject object = resolve(description, resource);
					if (javaType.isInstance(object)) {
						found.putIfAbsent(EcoreUtil.getURI(object).toString(), javaType.cast(object));
					}
				}
			}
		}
		// The file being edited may be ahead of the index: its own contents always count.
		List<T> result = new ArrayList<>();
		resource.getAllContents().forEachRemaining(o -> {
			if (javaType.isInstance(o)) {
				result.add(javaType.cast(o));
			}
		});
		found.values().stream().filter(o -> o.eResource() != resource).forEach(result::add);
		return result;
	}

	private static EObject resolve(IEObjectDescription description, Resource from) {
		EObject object = description.getEObjectOrProxy();
		if (object.eIsProxy() && from.getResourceSet() != null) {
			object = from.getResourceSet().getEObject(description.getEObjectURI(), true);
		}
		return object;
	}
}
