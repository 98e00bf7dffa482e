package io.edgestudio.dsl.ide.highlighting;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.DATA_TYPE_REF__TYPE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SINK__INPUT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SINK__MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SOURCE__MODULE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE_SOURCE__OUTPUT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE__TWIN;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT__TYPE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__CONDITION;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ROUTE__TTL;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SOLUTION__STORE_AND_FORWARD_TTL;

import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.edge.TwinSchema;
import java.util.Arrays;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Marks what the grammar alone cannot tell apart: declared names and references to modules, ports,
 * message types and twins, durations, and {@code where} conditions. Keywords stay with the lexer.
 */
public class EdgeHighlightingCalculator implements ISemanticHighlightingCalculator {

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancelIndicator) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		for (var contents = EcoreUtil.<EObject>getAllContents(resource, true); contents.hasNext();) {
			if (cancelIndicator.isCanceled()) {
				return;
			}
			highlight(contents.next(), acceptor);
		}
	}

	private static void highlight(EObject object, IHighlightedPositionAcceptor acceptor) {
		switch (object) {
			case Module module -> {
				declaration(module, ELEMENT__NAME, EdgeHighlightingStyles.MODULE, acceptor);
				mark(module, MODULE__TWIN, EdgeHighlightingStyles.TWIN, acceptor);
			}
			case Port port -> {
				declaration(port, PORT__NAME, EdgeHighlightingStyles.PORT, acceptor);
				mark(port, PORT__TYPE, EdgeHighlightingStyles.MESSAGE_TYPE, acceptor);
			}
			case DataType type -> declaration(type, ELEMENT__NAME, EdgeHighlightingStyles.MESSAGE_TYPE, acceptor);
			case TwinSchema twin -> declaration(twin, ELEMENT__NAME, EdgeHighlightingStyles.TWIN, acceptor);
			case DataTypeRef ref -> mark(ref, DATA_TYPE_REF__TYPE, EdgeHighlightingStyles.MESSAGE_TYPE, acceptor);
			case Route route -> {
				declaration(route, ELEMENT__NAME, EdgeHighlightingStyles.ROUTE, acceptor);
				mark(route, ROUTE__CONDITION, EdgeHighlightingStyles.CONDITION, acceptor);
				mark(route, ROUTE__TTL, EdgeHighlightingStyles.DURATION, acceptor);
			}
			case ModuleSource source -> {
				mark(source, MODULE_SOURCE__MODULE, EdgeHighlightingStyles.MODULE, acceptor);
				mark(source, MODULE_SOURCE__OUTPUT, EdgeHighlightingStyles.PORT, acceptor);
			}
			case ModuleSink sink -> {
				mark(sink, MODULE_SINK__MODULE, EdgeHighlightingStyles.MODULE, acceptor);
				mark(sink, MODULE_SINK__INPUT, EdgeHighlightingStyles.PORT, acceptor);
			}
			case Solution solution -> mark(solution, SOLUTION__STORE_AND_FORWARD_TTL, EdgeHighlightingStyles.DURATION, acceptor);
			default -> {
				// nothing beyond the lexer's colouring
			}
		}
	}

	private static void declaration(EObject object, EStructuralFeature name, String[] styles, IHighlightedPositionAcceptor acceptor) {
		String[] declared = Arrays.copyOf(styles, styles.length + 1);
		declared[styles.length] = EdgeHighlightingStyles.DECLARATION;
		mark(object, name, declared, acceptor);
	}

	private static void mark(EObject object, EStructuralFeature feature, String[] styles, IHighlightedPositionAcceptor acceptor) {
		for (INode node : NodeModelUtils.findNodesForFeature(object, feature)) {
			acceptor.addPosition(node.getOffset(), node.getLength(), styles);
		}
	}
}
