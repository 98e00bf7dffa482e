package io.edgestudio.dsl.generator.csharp;

import io.edgestudio.dsl.edge.Module;
import io.edgestudio.dsl.edge.Port;
import io.edgestudio.dsl.edge.PortDirection;
import java.util.List;

/**
 * The regenerated plumbing of a C# module: {@code I<M>Inputs.cs} (one {@code On<Input>Async} per input),
 * {@code <M>Module.cs} (typed {@code Send<Output>Async}, dispatch into records, desired properties applied and
 * reported back, all through a small {@code IHub}), {@code Program.cs} (ModuleClient.CreateFromEnvironmentAsync and
 * the SDK wiring); and {@code <M>Handler.cs}, the class the user edits, written once.
 */
final class CSharpPlumbing {

	private CSharpPlumbing() {
	}

	static List<Port> ports(Module module, PortDirection direction) {
		return module.getPorts().stream().filter(p -> p.getDirection() == direction).toList();
	}

	static String name(Module module) {
		return CSharpTypes.pascal(module.getName());
	}

	static String type(Port port) {
		return port.getType() == null ? "JsonElement" : port.getType().getName();
	}

	private static String twin(Module module) {
		return module.getTwin().getName();
	}

	private static final String USINGS = """
			#nullable enable
			using System;
			using System.Collections.Generic;
			using System.Text.Json;
			using System.Threading.Tasks;
			""";

	static String inputs(Module module, String namespace) {
		StringBuilder methods = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			methods.append("""
					    /// <summary>A message arrived on input %s.</summary>
					    Task On%sAsync(%s message);

					""".formatted(input.getName(), CSharpTypes.pascal(input.getName()), type(input)));
		}
		if (module.getTwin() != null) {
			methods.append("""
					    /// <summary>The desired properties changed; they are reported back after this returns.</summary>
					    Task OnDesiredChangedAsync(%s.Desired desired) => Task.CompletedTask;

					""".formatted(twin(module)));
		}
		return CSharpMessages.HEADER + USINGS + """

				namespace %s;

				/// <summary>What module %s reacts to: implemented by %sHandler.</summary>
				public interface I%sInputs
				{
				%s}
				""".formatted(namespace, module.getName(), name(module), name(module), methods.toString().stripTrailing() + "\n");
	}

	static String module(Module module, String namespace) {
		String n = name(module);
		StringBuilder sends = new StringBuilder();
		for (Port output : ports(module, PortDirection.OUTPUT)) {
			sends.append("""

					    /// <summary>Sends a message on output %s.</summary>
					    public Task Send%sAsync(%s message) => hub.SendAsync(%s, JsonSerializer.Serialize(message, ModuleJson.Options));
					""".formatted(output.getName(), CSharpTypes.pascal(output.getName()), type(output), CSharpTypes.quote(output.getName())));
		}
		StringBuilder dispatch = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			dispatch.append("""
					            case %s:
					                await Handler.On%sAsync(JsonSerializer.Deserialize<%s>(json, ModuleJson.Options)!);
					                return true;
					""".formatted(CSharpTypes.quote(input.getName()), CSharpTypes.pascal(input.getName()), type(input)));
		}
		String twinMembers = module.getTwin() == null ? "" : """

				    /// <summary>The desired properties in effect: the twin schema's defaults with every update applied.</summary>
				    public %1$s.Desired Desired { get; private set; } = %1$s.Desired.Defaults;

				    /// <summary>Applies a desired-properties patch, tells the handler and reports the applied members back.</summary>
				    public async Task ApplyDesiredAsync(string patchJson)
				    {
				        Desired = Desired.Merge(patchJson);
				        await Handler.OnDesiredChangedAsync(Desired);
				        var patch = JsonNode.Parse(patchJson)!.AsObject();
				        var applied = JsonSerializer.SerializeToNode(Desired, ModuleJson.Options)!.AsObject();
				        var reported = new JsonObject();
				        foreach (var (key, value) in applied)
				        {
				            if (patch.ContainsKey(key))
				            {
				                reported[key] = value?.DeepClone();
				            }
				        }
				        await hub.ReportAsync(reported.ToJsonString());
				    }

				    /// <summary>Reports properties on the module twin; null members are left out.</summary>
				    public Task ReportAsync(%1$s.Reported reported) => hub.ReportAsync(JsonSerializer.Serialize(reported, ModuleJson.Options));
				""".formatted(twin(module));
		return CSharpMessages.HEADER + USINGS + """
				using System.Text.Json.Nodes;
				using System.Text.Json.Serialization;

				namespace %s;

				/// <summary>What the module needs from edgeHub; tests pass their own.</summary>
				public interface IHub
				{
				    Task SendAsync(string output, string json);

				    Task ReportAsync(string propertiesJson);
				}

				/// <summary>JSON settings of messages and twin properties.</summary>
				public static class ModuleJson
				{
				    public static readonly JsonSerializerOptions Options = new()
				    {
				        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
				    };
				}

				/// <summary>Typed access to edgeHub for the handler of module %s.</summary>
				public sealed class %sModule
				{
				    private readonly IHub hub;

				    public %sModule(IHub hub)
				    {
				        this.hub = hub;
				    }

				    /// <summary>The handler messages and twin updates go to; set before messages arrive.</summary>
				    public I%sInputs Handler { get; set; } = null!;
				%s%s
				    /// <summary>Hands a message's JSON to the handler method of its input; false for an unknown input.</summary>
				    public async Task<bool> DispatchAsync(string input, string json)
				    {
				        switch (input)
				        {
				%s            default:
				                return false;
				        }
				    }
				}
				""".formatted(namespace, module.getName(), n, n, n, twinMembers, sends, dispatch);
	}

	static String program(Module module, String namespace) {
		String n = name(module);
		StringBuilder handlers = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			handlers.append("        await client.SetInputMessageHandlerAsync(%s, OnMessageAsync, module);\n"
					.formatted(CSharpTypes.quote(input.getName())));
		}
		String twin = module.getTwin() == null ? "" : """
				        await client.SetDesiredPropertyUpdateCallbackAsync(async (desired, context) =>
				        {
				            try
				            {
				                await module.ApplyDesiredAsync(desired.ToJson());
				            }
				            catch (Exception e)
				            {
				                Console.Error.WriteLine($"desired properties not applied: {e}");
				            }
				        }, null);
				        var twin = await client.GetTwinAsync();
				        await module.ApplyDesiredAsync(twin.Properties.Desired.ToJson());
				""";
		return CSharpMessages.HEADER + USINGS + """
				using System.Runtime.Loader;
				using System.Text;
				using System.Threading;
				using Microsoft.Azure.Devices.Client;
				using Microsoft.Azure.Devices.Client.Transport.Mqtt;
				using Microsoft.Azure.Devices.Shared;

				namespace %s;

				/// <summary>Starts module %s: connects with the environment edgeAgent gives it and serves until SIGTERM.</summary>
				public static class Program
				{
				    public static async Task Main()
				    {
				        var settings = new ITransportSettings[] { new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) };
				        using var client = await ModuleClient.CreateFromEnvironmentAsync(settings);
				        await client.OpenAsync();
				        var module = new %sModule(new SdkHub(client));
				        module.Handler = new %sHandler(module);
				%s%s
				        using var stop = new CancellationTokenSource();
				        AssemblyLoadContext.Default.Unloading += _ => stop.Cancel();
				        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
				        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { });
				        await client.CloseAsync();
				    }

				    /// <summary>Completes every message, handled or not, so a bad message never blocks the input.</summary>
				    private static async Task<MessageResponse> OnMessageAsync(Message message, object context)
				    {
				        var module = (%sModule)context;
				        var input = message.InputName;
				        try
				        {
				            if (!await module.DispatchAsync(input, Encoding.UTF8.GetString(message.GetBytes())))
				            {
				                Console.Error.WriteLine($"message on unknown input {input} dropped");
				            }
				        }
				        catch (Exception e)
				        {
				            Console.Error.WriteLine($"message on input {input} not handled: {e}");
				        }
				        return MessageResponse.Completed;
				    }

				    private sealed class SdkHub : IHub
				    {
				        private readonly ModuleClient client;

				        public SdkHub(ModuleClient client)
				        {
				            this.client = client;
				        }

				        public Task SendAsync(string output, string json)
				        {
				            var message = new Message(Encoding.UTF8.GetBytes(json))
				            {
				                ContentType = "application/json",
				                ContentEncoding = "utf-8",
				            };
				            return client.SendEventAsync(output, message);
				        }

				        public Task ReportAsync(string propertiesJson) => client.UpdateReportedPropertiesAsync(new TwinCollection(propertiesJson));
				    }
				}
				""".formatted(namespace, module.getName(), n, n, handlers, twin, n);
	}

	static String handler(Module module, String namespace) {
		String n = name(module);
		StringBuilder methods = new StringBuilder();
		for (Port input : ports(module, PortDirection.INPUT)) {
			List<Port> sameType = ports(module, PortDirection.OUTPUT).stream().filter(o -> o.getType() == input.getType()).toList();
			String body = sameType.isEmpty() ? "Task.CompletedTask; // TODO: handle the message"
					: "module.Send" + CSharpTypes.pascal(sameType.getFirst().getName()) + "Async(message);";
			methods.append("""

					    public Task On%sAsync(%s message) => %s
					""".formatted(CSharpTypes.pascal(input.getName()), type(input), body));
		}
		return USINGS + """

				namespace %s;

				/// <summary>
				/// What module %s does. Edit freely: Edge Studio wrote this file once and never overwrites it.
				/// When an input is added to the .edge module, I%sInputs gains a method to add here.
				/// </summary>
				public class %sHandler : I%sInputs
				{
				    private readonly %sModule module;

				    public %sHandler(%sModule module)
				    {
				        this.module = module;
				    }
				%s}
				""".formatted(namespace, module.getName(), n, n, n, n, n, n, methods);
	}
}
