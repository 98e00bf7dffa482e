package io.edgestudio.dsl.generator.java;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The handler class the user edits, written once and never overwritten: one method per input. The
 * starting body forwards a message to the output of the same type when there is one.
 */
final class HandlerClass {

	private HandlerClass() {
	}

	static String source(String pkg, Module module) {
		String name = JavaNames.type(module.getName());
		String methods = PlumbingClass.inputs(module).stream().map(i -> method(module, i)).collect(Collectors.joining());
		return """
				package %s;

				%s/**
				 * What module %s does. Edit freely: Edge Studio wrote this file once and never overwrites it.
				 * When an input is added to the .edge module, {@link %sInputs} gains a method to add here.
				 */
				public class %sHandler implements %sInputs {

					private final %sModule module;

					/** A handler sending through the module's plumbing. */
					public %sHandler(%sModule module) {
						this.module = module;
					}
				%s}
				""".formatted(pkg, PlumbingClass.jsonNodeImport(module), module.getName(), name, name, name, name, name, name, methods);
	}

	private static String method(Module module, Port input) {
		List<Port> sameType = PlumbingClass.outputs(module).stream().filter(o -> o.getType() == input.getType()).toList();
		String body = sameType.isEmpty() ? "// TODO: handle the message"
				: "module.%s(message);".formatted(PlumbingClass.sendMethod(sameType.getFirst()));
		return """

					@Override
					public void %s(%s message) throws Exception {
						%s
					}
				""".formatted(PlumbingClass.handlerMethod(input), JavaNames.messageType(input.getType()), body);
	}
}
