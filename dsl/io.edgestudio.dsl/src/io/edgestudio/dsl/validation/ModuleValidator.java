package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.JSON_MEMBER__KEY;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE__CREATE_OPTIONS;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE__IMAGE;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.MODULE__STARTUP_ORDER;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT_BINDING__CONTAINER_PORT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT_BINDING__HOST_PORT;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.SYSTEM_MODULE__IMAGE;

import io.edgestudio.dsl.edge.JsonMember;
import io.edgestudio.dsl.edge.JsonObject;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.PortBinding;
import io.edgestudio.dsl.edge.SystemModule;
import io.edgestudio.dsl.model.CreateOptions;
import io.edgestudio.dsl.model.ImageReferences;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.xtext.validation.Check;

/**
 * Module settings the IoT Edge agent would reject or misread.
 */
public class ModuleValidator extends EdgeCheckBase {

	@Check
	public void checkImageOrLanguage(Module module) {
		if (module.getImage() == null && module.getLanguage() == null) {
			error("Module '" + module.getName() + "' has no image: add 'image \"<reference>\"' or a language "
					+ "(java, python, csharp) after its name to generate one.", ELEMENT__NAME, IssueCodes.MISSING_IMAGE);
		}
	}

	@Check
	public void checkImageReference(Module module) {
		checkImage(module.getImage(), MODULE__IMAGE);
	}

	@Check
	public void checkSystemModuleImageReference(SystemModule systemModule) {
		checkImage(systemModule.getImage(), SYSTEM_MODULE__IMAGE);
	}

	private void checkImage(String image, EAttribute feature) {
		if (image != null && !ImageReferences.isValid(image)) {
			error("'" + image + "' is not a valid image reference: write [registry[:port]/]name[:tag][@digest] "
					+ "with a lower-case name.", feature, IssueCodes.INVALID_IMAGE_REFERENCE);
		}
	}

	@Check
	public void checkStartupOrder(Module module) {
		Long order = module.getStartupOrder();
		if (order != null && (order < 0 || order > SolutionValidator.MAX_UINT32)) {
			error("startupOrder must be between 0 and " + SolutionValidator.MAX_UINT32 + ".",
					MODULE__STARTUP_ORDER, IssueCodes.INVALID_STARTUP_ORDER);
		}
	}

	@Check
	public void checkPortNumbers(PortBinding binding) {
		if (binding.getHostPort() < 1 || binding.getHostPort() > 65535) {
			error("Host port must be between 1 and 65535.", PORT_BINDING__HOST_PORT, IssueCodes.INVALID_PORT_NUMBER);
		}
		if (binding.getContainerPort() < 1 || binding.getContainerPort() > 65535) {
			error("Container port must be between 1 and 65535.", PORT_BINDING__CONTAINER_PORT, IssueCodes.INVALID_PORT_NUMBER);
		}
	}

	@Check
	public void checkJsonKeysUnique(JsonMember member) {
		JsonObject object = (JsonObject) member.eContainer();
		if (object.getMembers().stream().filter(m -> member.getKey().equals(m.getKey())).count() > 1) {
			error("Key \"" + member.getKey() + "\" appears more than once in this object; Docker would keep only one: remove the other.",
					JSON_MEMBER__KEY, IssueCodes.DUPLICATE_JSON_KEY);
		}
	}

	@Check
	public void checkCreateOptionsSize(Module module) {
		int length = CreateOptions.serialize(module).length();
		int limit = CreateOptions.CHUNK_SIZE * CreateOptions.MAX_CHUNKS;
		if (length > limit) {
			error("createOptions of '" + module.getName() + "' serialize to " + length + " characters; the manifest holds at most "
					+ limit + " (" + CreateOptions.MAX_CHUNKS + " chunks of " + CreateOptions.CHUNK_SIZE
					+ "). Move configuration into env or the module twin.",
					module.getCreateOptions() != null ? MODULE__CREATE_OPTIONS : ELEMENT__NAME, IssueCodes.CREATE_OPTIONS_TOO_LONG);
		}
	}
}
