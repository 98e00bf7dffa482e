package io.edgestudio.dsl.ide.hover;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.generator.RouteStrings;
import io.edgestudio.routes.MessageSource;
import io.edgestudio.routes.RouteLanguage;
import io.edgestudio.routes.RouteLanguageException;
import io.edgestudio.routes.Sink;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hover text of a route: the edgeHub string it is deployed as and, for a route written as an edgeHub string,
 * that string read by the route language engine the validator and the local edge hub use: which messages it takes,
 * its condition, where it delivers, with the modules and ports of the solution it names; then priority and ttl.
 *
 * @param modules the solution's modules, to name what the string refers to
 * @param storeAndForwardTtl the solution's store-and-forward time to live in seconds, which routes without one get
 */
record RouteSummary(List<Module> modules, long storeAndForwardTtl) {

	/** The hover text of a typed route whose references are resolved. */
	String typed(Route route) {
		return "edgeHub route:\n\n" + code(RouteStrings.of(route)) + "\n\n" + delivery(route);
	}

	/** The hover text of a route written as an edgeHub string. */
	String edgeHub(Route route) {
		String text = RouteStrings.of(route);
		io.edgestudio.routes.Route parsed;
		try {
			parsed = RouteLanguage.parseRoute(text);
		} catch (RouteLanguageException e) {
			return "edgeHub route string that edgeHub rejects:\n\n" + code(text) + "\n\n" + e.reason()
					+ " (column " + e.column() + ")";
		}
		return "edgeHub route, as written:\n\n" + code(text) + "\n\n"
				+ "- from: " + source(parsed.source()) + "\n"
				+ "- where: " + parsed.conditionText().map(c -> "`" + c + "`").orElse("no condition (every message)") + "\n"
				+ "- into: " + sink(parsed.sink()) + "\n"
				+ delivery(route);
	}

	private String delivery(Route route) {
		String priority = route.getPriority() == null ? "none (delivered after the routes that have one)"
				: route.getPriority() + (route.getPriority() == 0 ? " (the highest)" : " (0 is the highest)");
		String ttl = route.getTtl() == null || route.getTtl() == 0
				? seconds(storeAndForwardTtl) + ", the solution's store-and-forward ttl"
				: seconds(route.getTtl());
		return "- priority: " + priority + "\n- ttl: " + ttl;
	}

	private String source(MessageSource source) {
		return switch (source.scope()) {
			case EVERYTHING -> "everything: all messages and twin change notifications";
			case ALL_MESSAGES -> "all messages, of devices and modules";
			case ALL_MODULES -> "the messages of every module";
			case TWIN_CHANGES -> "twin change notifications";
			case MODULE -> "every message of " + module(source.module().orElseThrow()).text;
			case MODULE_OUTPUTS -> "the messages " + module(source.module().orElseThrow()).text + " sends on any output";
			case MODULE_OUTPUT -> port(source.module().orElseThrow(), source.output().orElseThrow(), PortDirection.OUTPUT);
			case NOTHING -> "`" + source.path() + "`, which no message comes from: the route takes nothing";
		};
	}

	private String sink(Sink sink) {
		return switch (sink) {
			case Sink.Upstream upstream -> "`$upstream` (IoT Hub)";
			case Sink.ModuleInput input -> port(input.module(), input.input(), PortDirection.INPUT);
		};
	}

	/** An output or input named in the string, with its message type when the solution declares it. */
	private String port(String moduleName, String portName, PortDirection direction) {
		String word = direction.getLiteral();
		ModuleRef module = module(moduleName);
		String text = word + " `" + portName + "` of " + module.text;
		if (module.module == null) {
			return text;
		}
		Optional<Port> port = named(module.module.getPorts(), portName, Port::getName);
		if (port.isEmpty()) {
			return text + " (which has no " + word + " `" + portName + "`)";
		}
		if (port.get().getDirection() != direction) {
			return text + " (`" + port.get().getName() + "` is an " + port.get().getDirection().getLiteral() + ")";
		}
		return text + ": " + EdgeHoverService.messageType(port.get());
	}

	private ModuleRef module(String name) {
		if (name.contains("*")) {
			return new ModuleRef(null, "module `" + name + "` (a `*` inside a path is not a wildcard)");
		}
		Optional<Module> module = named(modules, name, Module::getName);
		if (module.isEmpty()) {
			return new ModuleRef(null, "module `" + name + "` (not in this solution)");
		}
		String declared = module.get().getName().equals(name) ? "" : " (declared as `" + module.get().getName() + "`)";
		return new ModuleRef(module.get(), "module `" + name + "`" + declared);
	}

	/** The element with this name, or else the one whose name differs only in case (edgeHub ignores case in paths). */
	private static <T> Optional<T> named(List<T> elements, String name, java.util.function.Function<T, String> nameOf) {
		Optional<T> exact = elements.stream().filter(e -> name.equals(nameOf.apply(e))).findFirst();
		return exact.isPresent() ? exact
				: elements.stream().filter(e -> name.toLowerCase(Locale.ROOT).equals(
						nameOf.apply(e) == null ? null : nameOf.apply(e).toLowerCase(Locale.ROOT))).findFirst();
	}

	private record ModuleRef(Module module, String text) {
	}

	private static String code(String text) {
		return "```\n" + text + "\n```";
	}

	private static String seconds(long seconds) {
		String unit = seconds > 0 && seconds % 86_400 == 0 ? seconds / 86_400 + "d"
				: seconds > 0 && seconds % 3_600 == 0 ? seconds / 3_600 + "h"
				: seconds > 0 && seconds % 60 == 0 ? seconds / 60 + "m" : null;
		return seconds + " s" + (unit == null ? "" : " (" + unit + ")");
	}
}
