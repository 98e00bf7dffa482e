package io.edgestudio.dsl.validation;

import static io.edgestudio.dsl.edge.EdgePackage.Literals.ELEMENT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ENUM_LITERAL__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.ENV_VAR__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.FIELD__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.PORT__NAME;
import static io.edgestudio.dsl.edge.EdgePackage.Literals.TWIN_MEMBER__NAME;

import com.google.inject.Inject;
import io.edgestudio.dsl.edge.DataType;
import io.edgestudio.dsl.edge.EnumLiteral;
import io.edgestudio.dsl.edge.EnvVar;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.model.SolutionIndex;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.validation.Check;

/**
 * Names as the deployment manifest constrains them, and names that must be unique.
 */
public class NamingValidator extends EdgeCheckBase {

	/** Module names in {@code $edgeAgent.modules}. */
	static final Pattern MODULE_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
	/** Keys of {@code $edgeHub.routes}. */
	static final Pattern ROUTE_NAME = Pattern.compile("^[^.$# ]+$");
	/** Keys of a module's {@code env}. */
	static final Pattern ENV_NAME = Pattern.compile("^[^+#$\\s.]+$");

	@Inject
	private SolutionIndex solutionIndex;

	@Inject
	private IQualifiedNameProvider qualifiedNames;

	@Check
	public void checkModuleName(Module module) {
		if (module.getName() != null && !MODULE_NAME.matcher(module.getName()).matches()) {
			error("Module name '" + module.getName() + "' is not allowed in a deployment manifest: use only letters, digits, '_' and '-'.",
					ELEMENT__NAME, IssueCodes.INVALID_MODULE_NAME);
		}
	}

	@Check
	public void checkModuleNameUnique(Module module) {
		if (solution(module).modulesNamed(module.getName()) > 1) {
			error("Another module of this solution is also named '" + module.getName() + "': rename one of them.",
					ELEMENT__NAME, IssueCodes.DUPLICATE_MODULE_NAME);
		}
	}

	@Check
	public void checkRouteName(Route route) {
		if (route.getName() != null && !ROUTE_NAME.matcher(route.getName()).matches()) {
			error("Route name '" + route.getName() + "' must not contain '.', '$', '#' or spaces: rename it.",
					ELEMENT__NAME, IssueCodes.INVALID_ROUTE_NAME);
		}
	}

	@Check
	public void checkRouteNameUnique(Route route) {
		if (solution(route).routesNamed(route.getName()) > 1) {
			error("Another route of this solution is also named '" + route.getName() + "': rename one of them.",
					ELEMENT__NAME, IssueCodes.DUPLICATE_ROUTE_NAME);
		}
	}

	@Check
	public void checkEnvName(EnvVar env) {
		if (env.getName() != null && !ENV_NAME.matcher(env.getName()).matches()) {
			error("Environment variable name '" + env.getName() + "' must not contain '+', '#', '$', '.' or white space: rename it.",
					ENV_VAR__NAME, IssueCodes.INVALID_ENV_NAME);
		}
	}

	@Check
	public void checkEnvNameUnique(EnvVar env) {
		List<EnvVar> siblings = siblings(env, EnvVar.class);
		if (siblings.stream().filter(e -> e.getName() != null && e.getName().equals(env.getName())).count() > 1) {
			error("Environment variable '" + env.getName() + "' is set more than once here: keep one.",
					ENV_VAR__NAME, IssueCodes.DUPLICATE_ENV_NAME);
		}
	}

	@Check
	public void checkPortNameUnique(Port port) {
		Module module = (Module) port.eContainer();
		if (module.getPorts().stream().filter(p -> p.getName() != null && p.getName().equals(port.getName())).count() > 1) {
			error("Module '" + module.getName() + "' has more than one port named '" + port.getName()
					+ "': routes could not tell them apart, rename one.", PORT__NAME, IssueCodes.DUPLICATE_PORT_NAME);
		}
	}

	@Check
	public void checkFieldNameUnique(Field field) {
		if (siblings(field, Field.class).stream().filter(f -> f.getName() != null && f.getName().equals(field.getName())).count() > 1) {
			error("Field '" + field.getName() + "' is declared more than once in this message: rename or remove one.",
					FIELD__NAME, IssueCodes.DUPLICATE_MEMBER_NAME);
		}
	}

	@Check
	public void checkTwinMemberNameUnique(TwinMember member) {
		List<TwinMember> siblings = member.eContainer() instanceof TwinProperty property
				? ((TwinSchema) property.eContainer()).getProperties().stream()
						.filter(p -> p.getDirection() == property.getDirection()).map(TwinProperty::getMember).toList()
				: ((TwinObject) member.eContainer()).getMembers();
		if (siblings.stream().filter(m -> m != null && m.getName() != null && m.getName().equals(member.getName())).count() > 1) {
			error("Twin property '" + member.getName() + "' is declared more than once here: rename or remove one.",
					TWIN_MEMBER__NAME, IssueCodes.DUPLICATE_MEMBER_NAME);
		}
	}

	@Check
	public void checkEnumLiteralUnique(EnumLiteral literal) {
		if (siblings(literal, EnumLiteral.class).stream().filter(l -> l.getName() != null && l.getName().equals(literal.getName())).count() > 1) {
			error("Enum literal '" + literal.getName() + "' is declared more than once in this enum: remove one.",
					ENUM_LITERAL__NAME, IssueCodes.DUPLICATE_ENUM_LITERAL);
		}
	}

	@Check
	public void checkDataTypeNameUnique(DataType type) {
		if (isDeclaredTwice(type)) {
			error("Another message or enum type of this solution is also named '" + qualifiedNames.getFullyQualifiedName(type)
					+ "': references to it would be ambiguous. Rename one, or move it into another package.",
					ELEMENT__NAME, IssueCodes.DUPLICATE_TYPE_NAME);
		}
	}

	@Check
	public void checkTwinSchemaNameUnique(TwinSchema twin) {
		if (isDeclaredTwice(twin)) {
			error("Another twin schema of this solution is also named '" + qualifiedNames.getFullyQualifiedName(twin)
					+ "': references to it would be ambiguous. Rename one, or move it into another package.",
					ELEMENT__NAME, IssueCodes.DUPLICATE_TYPE_NAME);
		}
	}

	private boolean isDeclaredTwice(EObject type) {
		String key = solutionIndex.typeKey(type);
		return key != null && solution(type).typesNamed(key) > 1;
	}

	private static <T extends EObject> List<T> siblings(T object, Class<T> type) {
		return object.eContainer().eContents().stream().filter(type::isInstance).map(type::cast).toList();
	}
}
