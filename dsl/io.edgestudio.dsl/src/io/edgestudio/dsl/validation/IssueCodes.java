package io.edgestudio.dsl.validation;

/**
 * Issue codes of every .edge validation rule, shared by the validator, quick fixes and tests.
 * Unresolved names use Xtext's {@code Diagnostic.LINKING_DIAGNOSTIC}.
 */
public interface IssueCodes {

	String PREFIX = "io.edgestudio.dsl.";

	// names
	String INVALID_MODULE_NAME = PREFIX + "invalidModuleName";
	String DUPLICATE_MODULE_NAME = PREFIX + "duplicateModuleName";
	String INVALID_ROUTE_NAME = PREFIX + "invalidRouteName";
	String DUPLICATE_ROUTE_NAME = PREFIX + "duplicateRouteName";
	String INVALID_ENV_NAME = PREFIX + "invalidEnvName";
	String DUPLICATE_ENV_NAME = PREFIX + "duplicateEnvName";
	String DUPLICATE_PORT_NAME = PREFIX + "duplicatePortName";
	String DUPLICATE_MEMBER_NAME = PREFIX + "duplicateMemberName";
	String DUPLICATE_ENUM_LITERAL = PREFIX + "duplicateEnumLiteral";
	String DUPLICATE_TYPE_NAME = PREFIX + "duplicateTypeName";

	// solution
	String DUPLICATE_SOLUTION = PREFIX + "duplicateSolution";
	String TOO_MANY_MODULES = PREFIX + "tooManyModules";
	String UNSUPPORTED_SCHEMA_VERSION = PREFIX + "unsupportedSchemaVersion";
	String DUPLICATE_SETTING = PREFIX + "duplicateSetting";
	String DUPLICATE_REGISTRY = PREFIX + "duplicateRegistry";

	// features newer than the chosen schema version
	String ROUTE_OPTIONS_NEED_HUB_SCHEMA = PREFIX + "routeOptionsNeedHubSchema";
	String STARTUP_ORDER_NEEDS_AGENT_SCHEMA = PREFIX + "startupOrderNeedsAgentSchema";

	// edgeHub behaviour that surprises (warnings)
	String MODULE_NAMES_DIFFER_IN_CASE = PREFIX + "moduleNamesDifferInCase";
	String OUTPUT_NAMES_DIFFER_IN_CASE = PREFIX + "outputNamesDifferInCase";
	String ROUTE_TTL_ZERO = PREFIX + "routeTtlZero";

	// module values
	String MISSING_IMAGE = PREFIX + "missingImage";
	String INVALID_IMAGE_REFERENCE = PREFIX + "invalidImageReference";
	String INVALID_STARTUP_ORDER = PREFIX + "invalidStartupOrder";
	String INVALID_PORT_NUMBER = PREFIX + "invalidPortNumber";
	String DUPLICATE_JSON_KEY = PREFIX + "duplicateJsonKey";
	String CREATE_OPTIONS_TOO_LONG = PREFIX + "createOptionsTooLong";

	// routes
	String INVALID_PRIORITY = PREFIX + "invalidPriority";
	String INVALID_TTL = PREFIX + "invalidTtl";
	String SOURCE_IS_INPUT = PREFIX + "sourceIsInput";
	String SINK_IS_OUTPUT = PREFIX + "sinkIsOutput";
	String INCOMPATIBLE_MESSAGE_TYPE = PREFIX + "incompatibleMessageType";
	String INVALID_CONDITION = PREFIX + "invalidCondition";
	String INVALID_ROUTE = PREFIX + "invalidRoute";
	String UNKNOWN_BODY_FIELD = PREFIX + "unknownBodyField";

	// route graph (warnings)
	String UNROUTED_INPUT = PREFIX + "unroutedInput";
	String UNROUTED_OUTPUT = PREFIX + "unroutedOutput";
	String UNREACHABLE_MODULE = PREFIX + "unreachableModule";
	String ROUTING_CYCLE = PREFIX + "routingCycle";
	String DUPLICATE_ROUTE = PREFIX + "duplicateRoute";

	// twins
	String TWIN_ARRAY = PREFIX + "twinArray";
	String INVALID_CONSTRAINT = PREFIX + "invalidConstraint";
	String DEFAULT_TYPE_MISMATCH = PREFIX + "defaultTypeMismatch";
	String DEFAULT_OUT_OF_BOUNDS = PREFIX + "defaultOutOfBounds";
}
