package io.edgestudio.dsl.generator;

import io.edgestudio.dsl.edge.AllMessagesSource;
import io.edgestudio.dsl.edge.AllModulesSource;
import io.edgestudio.dsl.edge.ModuleSink;
import io.edgestudio.dsl.edge.ModuleSource;
import io.edgestudio.dsl.edge.Route;
import io.edgestudio.dsl.edge.RouteSink;
import io.edgestudio.dsl.edge.RouteSource;
import io.edgestudio.dsl.edge.TwinChangesSource;
import io.edgestudio.dsl.edge.UpstreamSink;

/**
 * edgeHub route strings ({@code FROM <source> [WHERE <condition>] INTO <sink>}) in the grammar of
 * edgeHub's Route.g4, with the sources of module-composition.md.
 */
public final class RouteStrings {

	private RouteStrings() {
	}

	/**
	 * The edgeHub string of a route. The condition is copied verbatim except that line breaks become
	 * single spaces: edgeHub skips whitespace, but the manifest schemas want a one-line route. A route
	 * written as an edgeHub string is copied the same way.
	 */
	public static String of(Route route) {
		if (route.getEdgeHubRoute() != null) {
			return route.getEdgeHubRoute().strip().replaceAll("\\s*\\R\\s*", " ");
		}
		String where = route.getCondition() == null || route.getCondition().isBlank()
				? "" : " WHERE " + route.getCondition().strip().replaceAll("\\s*\\R\\s*", " ");
		return "FROM " + source(route.getSource()) + where + " INTO " + sink(route.getSink());
	}

	/** The source path: one output, any output of one module, all module messages, all messages or twin changes. */
	public static String source(RouteSource source) {
		return switch (source) {
			case ModuleSource m when m.isAllOutputs() -> "/messages/modules/" + m.getModule().getName() + "/outputs/*";
			case ModuleSource m -> "/messages/modules/" + m.getModule().getName() + "/outputs/" + m.getOutput().getName();
			case AllModulesSource a -> "/messages/modules/*";
			case AllMessagesSource a -> "/messages/*";
			case TwinChangesSource t -> "/twinChangeNotifications";
			default -> throw new GeneratorException("unsupported route source " + source.eClass().getName());
		};
	}

	/** The sink: a module input as a BrokeredEndpoint, or {@code $upstream}. */
	public static String sink(RouteSink sink) {
		return switch (sink) {
			case ModuleSink m -> "BrokeredEndpoint(\"/modules/" + m.getModule().getName()
					+ "/inputs/" + m.getInput().getName() + "\")";
			case UpstreamSink u -> "$upstream";
			default -> throw new GeneratorException("unsupported route sink " + sink.eClass().getName());
		};
	}
}
