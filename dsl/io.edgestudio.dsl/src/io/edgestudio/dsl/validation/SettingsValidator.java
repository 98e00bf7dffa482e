package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.REGISTRY__NAME;

import io.edgestudio.dsl.edge.EdgeAgent;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Solution;
import io.edgestudio.dsl.edge.SystemModule;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Settings of the solution, edgeAgent, edgeHub and module blocks may come in any order, but each at
 * most once: a repeated one would silently replace the first. Registry names key the manifest's
 * registry credentials, so they are unique too.
 */
public class SettingsValidator extends EdgeCheckBase {

	@Check
	public void checkSolutionSettingsOnce(Solution block) {
		reportRepeatedSettings(block, "solution '" + block.getName() + "'");
	}

	@Check
	public void checkSystemModuleSettingsOnce(SystemModule block) {
		reportRepeatedSettings(block, block instanceof EdgeAgent ? "edgeAgent" : "edgeHub");
	}

	@Check
	public void checkModuleSettingsOnce(Module module) {
		reportRepeatedSettings(module, "module '" + module.getName() + "'");
	}

	// qualified: the inherited EValidator.Registry would shadow an import
	@Check
	public void checkRegistryNameUnique(io.edgestudio.dsl.edge.Registry registry) {
		Solution block = (Solution) registry.eContainer();
		if (block.getRegistries().stream().filter(r -> r.getName() != null && r.getName().equals(registry.getName())).count() > 1) {
			error("Another registry of this solution is also named '" + registry.getName()
					+ "': the manifest keys registry credentials by name, so one would be lost. Rename one.",
					REGISTRY__NAME, IssueCodes.DUPLICATE_REGISTRY);
		}
	}

	/** Marks every occurrence of a single-valued setting after its first. */
	private void reportRepeatedSettings(EObject block, String blockName) {
		for (EStructuralFeature feature : block.eClass().getEAllStructuralFeatures()) {
			if (feature.isMany()) {
				continue;
			}
			List<INode> nodes = NodeModelUtils.findNodesForFeature(block, feature);
			for (INode repeated : nodes.subList(Math.min(1, nodes.size()), nodes.size())) {
				acceptError("'" + settingName(repeated, feature) + "' is set more than once in " + blockName
						+ "; only the last one would count. Remove one of them.",
						block, repeated.getOffset(), repeated.getLength(), IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	/** The keywords that introduce a setting, as the user wrote them ({@code storeAndForward ttl}). */
	private static String settingName(INode node, EStructuralFeature feature) {
		EObject element = node.getGrammarElement();
		if (element instanceof Keyword keyword) {
			return keyword.getValue();
		}
		Assignment assignment = element instanceof AbstractElement e ? GrammarUtil.containingAssignment(e) : null;
		if (assignment != null && assignment.eContainer() instanceof Group group) {
			List<String> keywords = new ArrayList<>();
			for (AbstractElement part : group.getElements()) {
				if (part == assignment) {
					break;
				}
				if (part instanceof Keyword keyword) {
					keywords.add(keyword.getValue());
				}
			}
			if (!keywords.isEmpty()) {
				return String.join(" ", keywords);
			}
		}
		return feature.getName();
	}
}
