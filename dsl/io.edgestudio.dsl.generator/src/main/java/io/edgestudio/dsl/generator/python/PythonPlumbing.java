package io.edgestudio.dsl.generator.python;

import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The regenerated plumbing of a Python module: {@code inputs.py} (one {@code on_<input>} per input),
 * {@code module.py} (asyncio {@code IoTHubModuleClient.create_from_edge_environment()}, dispatch of each input's
 * JSON into its dataclass, one {@code send_<output>} per output, desired properties applied and reported back) and
 * {@code main.py}; and {@code handler.py}, the class the user edits, written once.
 */
final class PythonPlumbing {

	private PythonPlumbing() {
	}

	static List<Port> ports(Module module, PortDirection direction) {
		return module.getPorts().stream().filter(p -> p.getDirection() == direction).toList();
	}

	static String type(Port port) {
		return port.getType() == null ? "Any" : port.getType().getName();
	}

	private static String name(Module module) {
		return PythonTwin.capitalized(module.getName());
	}

	private static String imports(Module module) {
		String types = module.getPorts().stream().map(p -> p.getType()).filter(t -> t != null).map(MessageType::getName).distinct().sorted()
				.collect(Collectors.joining(", "));
		return (types.isEmpty() ? "" : "from messages import " + types + "\n")
				+ (module.getTwin() == null ? "" : "from twin import DEFAULTS, Desired, Reported\n");
	}

	static String inputs(Module module) {
		StringBuilder methods = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			methods.append("""

					    @abstractmethod
					    async def on_%s(self, message: %s) -> None:
					        \"\"\"A message arrived on input %s.\"\"\"
					""".formatted(PythonTypes.snake(input.getName()), type(input), input.getName()));
		}
		if (module.getTwin() != null) {
			methods.append("""

					    async def on_desired_changed(self, desired: Desired) -> None:
					        \"\"\"The desired properties changed; they are applied and reported back after this returns.\"\"\"
					""");
		}
		if (methods.isEmpty()) {
			methods.append("    pass\n");
		}
		return PythonMessages.HEADER + """
				\"\"\"What module %s reacts to: implemented by %sHandler in handler.py.\"\"\"
				from __future__ import annotations

				from abc import ABC, abstractmethod
				from typing import Any

				%s

				class %sInputs(ABC):
				%s""".formatted(module.getName(), name(module), imports(module), name(module), methods.toString().replaceFirst("^\n", ""));
	}

	static String module(Module module) {
		String n = name(module);
		StringBuilder sends = new StringBuilder();
		for (Port output : ports(module, PortDirection.OUTPUT)) {
			String body = output.getType() == null ? "message" : "message.to_dict()";
			sends.append("""

					    async def send_%s(self, message: %s) -> None:
					        \"\"\"Sends a message on output %s.\"\"\"
					        await self._hub.send(%s, json.dumps(%s))
					""".formatted(PythonTypes.snake(output.getName()), type(output), output.getName(), PythonTypes.quote(output.getName()), body));
		}
		StringBuilder dispatch = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			String value = input.getType() == null ? "data" : input.getType().getName() + ".from_dict(data)";
			dispatch.append("""
					        if input_name == %s:
					            await self.handler.on_%s(%s)
					            return True
					""".formatted(PythonTypes.quote(input.getName()), PythonTypes.snake(input.getName()), value));
		}
		String twinMethods = module.getTwin() == null ? "" : """

				    async def apply_desired(self, patch: dict[str, Any]) -> None:
				        \"\"\"Applies a desired-properties patch, tells the handler and reports the applied members back.\"\"\"
				        self.desired = self.desired.merge(patch)
				        await self.handler.on_desired_changed(self.desired)
				        applied = {key: value for key, value in self.desired.to_dict().items() if key in patch}
				        await self._hub.report(applied)

				    async def report(self, reported: Reported) -> None:
				        \"\"\"Reports properties on the module twin; members that are None are left out.\"\"\"
				        await self._hub.report(reported.to_dict())
				""";
		String twinField = module.getTwin() == null ? "" : "        self.desired: Desired = DEFAULTS\n";
		String twinWiring = module.getTwin() == null ? "" : """

				    async def on_desired(patch: dict[str, Any]) -> None:
				        try:
				            await module.apply_desired(patch)
				        except Exception:  # a bad patch must not stop the module
				            LOG.exception("desired properties not applied")

				    client.on_twin_desired_properties_patch_received = on_desired
				    twin = await client.get_twin()
				    await module.apply_desired(twin.get("desired", {}))
				""";
		return PythonMessages.HEADER + """
				\"\"\"Plumbing of module %s: edgeHub connection, typed inputs and outputs%s.\"\"\"
				from __future__ import annotations

				import asyncio
				import json
				import logging
				import signal
				from typing import Any, Callable, Optional, Protocol

				from inputs import %sInputs
				%s
				LOG = logging.getLogger(%s)


				class Hub(Protocol):
				    \"\"\"What the module needs from edgeHub; tests pass their own.\"\"\"

				    async def send(self, output: str, body: str) -> None: ...

				    async def report(self, properties: dict[str, Any]) -> None: ...


				class %sModule:
				    \"\"\"Typed access to edgeHub for the handler.\"\"\"

				    def __init__(self, hub: Hub) -> None:
				        self._hub = hub
				        self.handler: Optional[%sInputs] = None
				%s%s
				    async def dispatch(self, input_name: str, body: str) -> bool:
				        \"\"\"Hands a message's JSON to the handler method of its input; False for an unknown input.\"\"\"
				        data = json.loads(body)
				%s        return False
				%s

				class SdkHub:
				    \"\"\"edgeHub through the Azure IoT device SDK.\"\"\"

				    def __init__(self, client: Any) -> None:
				        self._client = client

				    async def send(self, output: str, body: str) -> None:
				        from azure.iot.device import Message

				        message = Message(body, content_encoding="utf-8", content_type="application/json")
				        await self._client.send_message_to_output(message, output)

				    async def report(self, properties: dict[str, Any]) -> None:
				        await self._client.patch_twin_reported_properties(properties)


				async def run(handler_factory: Callable[[%sModule], %sInputs]) -> None:
				    \"\"\"Connects with the environment edgeAgent gives the module and serves until SIGTERM.\"\"\"
				    from azure.iot.device.aio import IoTHubModuleClient

				    client = IoTHubModuleClient.create_from_edge_environment()
				    await client.connect()
				    module = %sModule(SdkHub(client))
				    module.handler = handler_factory(module)

				    async def on_message(message: Any) -> None:
				        try:
				            if not await module.dispatch(message.input_name, message.data.decode("utf-8")):
				                LOG.warning("message on unknown input %%s dropped", message.input_name)
				        except Exception:  # a bad message must not stop the module
				            LOG.exception("message on input %%s not handled", message.input_name)

				    client.on_message_received = on_message
				%s
				    stop = asyncio.Event()
				    loop = asyncio.get_running_loop()
				    for sig in (signal.SIGTERM, signal.SIGINT):
				        loop.add_signal_handler(sig, stop.set)
				    await stop.wait()
				    await client.shutdown()
				""".formatted(module.getName(), module.getTwin() == null ? "" : ", module twin", n, imports(module),
				PythonTypes.quote(module.getName()), n, n, twinField, sends, dispatch, twinMethods, n, n, n, twinWiring);
	}

	static String main(Module module) {
		return PythonMessages.HEADER + """
				\"\"\"Starts module %s.\"\"\"
				import asyncio
				import logging

				from handler import %sHandler
				from module import run

				if __name__ == "__main__":
				    logging.basicConfig(level=logging.INFO)
				    asyncio.run(run(%sHandler))
				""".formatted(module.getName(), name(module), name(module));
	}

	static String handler(Module module) {
		String n = name(module);
		StringBuilder methods = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			List<Port> sameType = ports(module, PortDirection.OUTPUT).stream().filter(o -> o.getType() == input.getType()).toList();
			String body = sameType.isEmpty() ? "pass  # TODO: handle the message"
					: "await self.module.send_" + PythonTypes.snake(sameType.getFirst().getName()) + "(message)";
			methods.append("""

					    async def on_%s(self, message: %s) -> None:
					        %s
					""".formatted(PythonTypes.snake(input.getName()), type(input), body));
		}
		return """
				\"\"\"What module %s does. Edit freely: Edge Studio wrote this file once and never overwrites it.

				When an input is added to the .edge module, %sInputs gains a method to add here.
				\"\"\"
				from __future__ import annotations

				from typing import Any

				from inputs import %sInputs
				from module import %sModule
				%s

				class %sHandler(%sInputs):
				    def __init__(self, module: %sModule) -> None:
				        self.module = module
				%s""".formatted(module.getName(), n, n, n, imports(module), n, n, n, methods);
	}
}
