package io.edgestudio.dsl.generator.csharp;

import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Literal;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.PrimitiveType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.StringLiteral;
import io.edgestudio.dsl.edge.TwinDirection;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.edge.TwinValue;
import java.util.List;

/**
 * {@code <Twin>.cs}: the typed module twin as a static class holding records {@code Desired} (with the schema's
 * defaults, {@code Desired.Defaults} and {@code Merge(patchJson)}) and {@code Reported}; twin objects are nested
 * records. Members are nullable: null means not set.
 */
final class CSharpTwin {

	private CSharpTwin() {
	}

	static String source(TwinSchema twin, String namespace) {
		StringBuilder out = new StringBuilder(CSharpMessages.HEADER).append("""
				#nullable enable
				using System;
				using System.Collections.Generic;
				using System.Text.Json;
				using System.Text.Json.Nodes;
				using System.Text.Json.Serialization;

				namespace %s;

				%s/// <summary>The module twin %s: desired properties (with defaults) and reported properties.</summary>
				public static class %s
				{
				""".formatted(namespace, "", twin.getName(), twin.getName()));
		out.append(records("Desired", members(twin, TwinDirection.DESIRED), true).replaceFirst("^\n", ""));
		out.append(records("Reported", members(twin, TwinDirection.REPORTED), false));
		out.append("""

				    private static void MergeInto(JsonObject target, JsonObject patch)
				    {
				        foreach (var (key, value) in patch)
				        {
				            if (value is JsonObject inner && target[key] is JsonObject existing)
				            {
				                MergeInto(existing, inner);
				            }
				            else
				            {
				                target[key] = value?.DeepClone();
				            }
				        }
				    }
				}
				""");
		return out.toString();
	}

	private static List<TwinMember> members(TwinSchema twin, TwinDirection direction) {
		return twin.getProperties().stream().filter(p -> p.getDirection() == direction).map(TwinProperty::getMember).toList();
	}

	private static String records(String name, List<TwinMember> members, boolean withDefaults) {
		StringBuilder out = new StringBuilder();
		for (TwinMember member : members) {
			if (member instanceof TwinObject object) {
				out.append(records(name + CSharpTypes.pascal(object.getName()), object.getMembers(), withDefaults));
			}
		}
		out.append("\n    public sealed record ").append(name).append("\n    {\n");
		if (name.equals("Desired")) {
			out.append("        /// <summary>The desired properties before any update: the twin schema's defaults.</summary>\n")
					.append("        public static readonly Desired Defaults = new();\n\n");
		}
		for (TwinMember member : members) {
			String property = CSharpTypes.property(member.getName(), name);
			out.append("        [JsonPropertyName(").append(CSharpTypes.quote(member.getName())).append(")]\n        public ");
			if (member instanceof TwinObject object) {
				String type = name + CSharpTypes.pascal(object.getName());
				out.append(type).append("? ").append(property).append(" { get; init; }").append(withDefaults ? " = new();" : "").append('\n');
			} else if (member instanceof TwinValue value) {
				out.append(CSharpTypes.type(value.getType(), false, true)).append(' ').append(property).append(" { get; init; }")
						.append(withDefaults && value.getDefault() != null ? " = " + defaultValue(value) + ";" : "").append('\n');
			}
		}
		if (name.equals("Desired")) {
			out.append("""

					        /// <summary>These desired properties with a patch (desired-properties JSON) applied; absent members keep their value.</summary>
					        public Desired Merge(string patchJson)
					        {
					            var merged = JsonSerializer.SerializeToNode(this, ModuleJson.Options)!.AsObject();
					            MergeInto(merged, JsonNode.Parse(patchJson)!.AsObject());
					            return merged.Deserialize<Desired>(ModuleJson.Options)!;
					        }
					""");
		}
		return out.append("    }\n").toString();
	}

	private static String defaultValue(TwinValue value) {
		Literal literal = value.getDefault();
		String text = switch (literal) {
			case StringLiteral s -> CSharpTypes.quote(s.getValue());
			case NumberLiteral n -> n.getValue().toPlainString();
			case BooleanLiteral b -> Boolean.toString(b.isValue());
			default -> "null";
		};
		if (value.getType() instanceof DataTypeRef ref && ref.getType() instanceof EnumType e && literal instanceof StringLiteral s) {
			return e.getName() + "." + CSharpTypes.identifier(s.getValue());
		}
		if (value.getType() instanceof PrimitiveTypeRef p && p.getPrimitive() == PrimitiveType.DATETIME) {
			return "DateTimeOffset.Parse(" + text + ", System.Globalization.CultureInfo.InvariantCulture)";
		}
		if (value.getType() instanceof PrimitiveTypeRef p && p.getPrimitive() == PrimitiveType.DOUBLE && !text.contains(".")) {
			return text + ".0";
		}
		return text;
	}
}
