package io.edgestudio.dsl.linking;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.EdgePackage;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * Unresolved names say what kind of thing was expected and, when a known name is close, which one
 * was probably meant: "Unknown module 'Filtr'. Did you mean 'Filter'?".
 */
public class EdgeLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Inject
	private IScopeProvider scopeProvider;

	/** No message (so no error) for a port of a module that is itself unknown: that module's error says it all. */
	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EReference reference = context.getReference();
		boolean portReference = reference == EdgePackage.Literals.MODULE_SOURCE__OUTPUT || reference == EdgePackage.Literals.MODULE_SINK__INPUT;
		if (portReference && isPortOfUnknownModule(context.getContext())) {
			return null;
		}
		String kind = kindOf(reference);
		String message = "Unknown " + kind + " '" + context.getLinkText() + "'.";
		List<String> known = knownNames(context);
		message += Suggestions.closest(context.getLinkText(), known)
				.map(name -> " Did you mean '" + name + "'?")
				.orElse(known.isEmpty() ? " None is visible here: declare it, or import the package that declares it." : " Declare it or check the spelling.");
		return new DiagnosticMessage(message, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
	}

	private static boolean isPortOfUnknownModule(EObject context) {
		Module module = context instanceof ModuleSource source ? source.getModule()
				: context instanceof ModuleSink sink ? sink.getModule() : null;
		return module != null && module.eIsProxy();
	}

	private List<String> knownNames(ILinkingDiagnosticContext context) {
		List<String> names = new ArrayList<>();
		try {
			IScope scope = scopeProvider.getScope(context.getContext(), context.getReference());
			for (IEObjectDescription description : scope.getAllElements()) {
				names.add(description.getName().toString());
			}
		} catch (RuntimeException e) {
			// A broken model must still get its linking error; the hint is a bonus.
		}
		return names;
	}

	private static String kindOf(EReference reference) {
		if (reference == EdgePackage.Literals.MODULE_SOURCE__OUTPUT) {
			return "output";
		}
		if (reference == EdgePackage.Literals.MODULE_SINK__INPUT) {
			return "input";
		}
		EClass type = reference.getEReferenceType();
		return switch (type.getName()) {
			case "Module" -> "module";
			case "TwinSchema" -> "twin schema";
			case "MessageType" -> "message schema";
			case "DataType" -> "message or enum type";
			default -> type.getName();
		};
	}
}
