package io.edgestudio.dsl.ide.quickfix;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SINK__INPUT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SOURCE__OUTPUT;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * For a route to an unknown input (from an unknown output), declares that port on the module the
 * route names, typed with the message type of the port at the other end of the route.
 */
class MissingPortFix {

	@Inject
	private UriExtensions uris;

	@Inject
	private IQualifiedNameProvider names;

	Optional<CodeAction> create(FixContext fix, Diagnostic diagnostic) {
		EObject end = fix.elementAt(diagnostic.getRange());
		int offset = fix.document().getOffSet(diagnostic.getRange().getStart());
		Route route = EcoreUtil2.getContainerOfType(end, Route.class);
		if (end instanceof ModuleSink sink && covers(sink, MODULE_SINK__INPUT, offset) && resolved(sink.getModule())) {
			Port other = route.getSource() instanceof ModuleSource source ? source.getOutput() : null;
			return Optional.of(declare(sink.getModule(), PortDirection.INPUT, fix.text(diagnostic.getRange()), other, fix));
		}
		if (end instanceof ModuleSource source && covers(source, MODULE_SOURCE__OUTPUT, offset) && resolved(source.getModule())) {
			Port other = route.getSink() instanceof ModuleSink sink ? sink.getInput() : null;
			return Optional.of(declare(source.getModule(), PortDirection.OUTPUT, fix.text(diagnostic.getRange()), other, fix));
		}
		return Optional.empty();
	}

	private CodeAction declare(Module module, PortDirection direction, String name, Port other, FixContext fix) {
		String declaration = direction.getLiteral() + " " + name + type(other, module);
		ICompositeNode node = NodeModelUtils.getNode(module);
		String text = node.getRootNode().getText();
		Document document = new Document(1, text);
		ILeafNode close = closingBrace(node);
		int lineStart = text.lastIndexOf('\n', close.getOffset() - 1) + 1;
		String before = text.substring(lineStart, close.getOffset());
		TextEdit edit;
		if (before.isBlank() && lineStart > node.getOffset()) {
			// '}' on its own line: a new line above it, indented one level deeper
			edit = new TextEdit(new Range(document.getPosition(lineStart), document.getPosition(lineStart)), before + "\t" + declaration + "\n");
		} else {
			edit = new TextEdit(new Range(document.getPosition(close.getOffset()), document.getPosition(close.getOffset())), declaration + " ");
		}
		String uri = module.eResource() == fix.resource() ? fix.uri() : uris.toUriString(module.eResource().getURI());
		return EdgeCodeActionService.action("Create " + direction.getLiteral() + " '" + name + "' on module '" + module.getName() + "'", uri, edit);
	}

	/** ": Type" when the other end is typed, by simple name in the module's package, else qualified. */
	private String type(Port other, Module module) {
		if (other == null || other.eIsProxy() || other.getType() == null || other.getType().eIsProxy()) {
			return "";
		}
		MessageType type = other.getType();
		Model here = EcoreUtil2.getContainerOfType(module, Model.class);
		Model there = EcoreUtil2.getContainerOfType(type, Model.class);
		boolean samePackage = here != null && there != null && Objects.equals(here.getName(), there.getName());
		return ": " + (samePackage ? type.getName() : names.getFullyQualifiedName(type).toString());
	}

	private static ILeafNode closingBrace(ICompositeNode node) {
		ILeafNode last = null;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && "}".equals(leaf.getText())) {
				last = leaf;
			}
		}
		return last;
	}

	private static boolean covers(EObject object, EReference reference, int offset) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
		return nodes.stream().anyMatch(n -> n.getOffset() <= offset && offset < n.getEndOffset());
	}

	private static boolean resolved(Module module) {
		return module != null && !module.eIsProxy();
	}
}
