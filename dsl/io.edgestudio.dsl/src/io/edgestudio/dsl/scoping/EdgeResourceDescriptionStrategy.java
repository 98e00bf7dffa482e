package io.edgestudio.dsl.scoping;

import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Element;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.Model;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.TwinSchema;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/**
 * What a {@code .edge} file exports to the global index: its top-level elements (solution, message and enum
 * types, twin schemas, modules, routes) under their qualified names, nothing nested. Other files refer only to
 * top-level elements; ports are found through their module ({@code Filter.output1}), fields and twin members
 * through their type.
 *
 * <p>Because the index decides which files to check again after a change by comparing exported descriptions,
 * the description of a module, type or twin carries its members as {@link #MEMBERS user data}: renaming a port
 * or changing its message type still changes what the file exports, so routes in other files are linked and
 * checked again.
 */
public class EdgeResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	/** User data key: the declarations of a top-level element's members, as written without layout and comments. */
	public static final String MEMBERS = "members";

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Model) {
			return true;
		}
		if (!(object instanceof Element)) {
			return false;
		}
		QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(object);
		if (name != null) {
			String members = members(object);
			acceptor.accept(members.isEmpty() ? EObjectDescription.create(name, object)
					: EObjectDescription.create(name, object, Map.of(MEMBERS, members)));
		}
		return false;
	}

	private static String members(EObject element) {
		List<? extends EObject> members = switch (element) {
			case Module module -> module.getPorts();
			case MessageType message -> message.getFields();
			case EnumType enumType -> enumType.getLiterals();
			case TwinSchema twin -> twin.getProperties();
			default -> List.of();
		};
		StringBuilder text = new StringBuilder();
		for (EObject member : members) {
			ICompositeNode node = NodeModelUtils.findActualNodeFor(member);
			if (node != null) {
				text.append(NodeModelUtils.getTokenText(node)).append('\n');
			}
		}
		return text.toString();
	}
}
