package io.edgestudio.dsl.generator.python;

import io.edgestudio.dsl.edge.BooleanLiteral;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Literal;
import io.edgestudio.dsl.edge.NumberLiteral;
import io.edgestudio.dsl.edge.StringLiteral;
import io.edgestudio.dsl.edge.TwinDirection;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.edge.TwinValue;
import java.util.List;

/**
 * {@code twin.py}: the typed module twin. {@code Desired} holds the desired members with the schema's defaults
 * ({@code DEFAULTS}), {@code Reported} the reported ones; twin objects are nested dataclasses. Every member may be
 * {@code None} (not set); {@code Desired.merge(patch)} applies a desired-properties patch.
 */
final class PythonTwin {

	private PythonTwin() {
	}

	static String source(TwinSchema twin) {
		StringBuilder out = new StringBuilder(PythonMessages.HEADER).append("""
				\"\"\"The module twin %s: desired properties (with defaults) and reported properties.\"\"\"
				from __future__ import annotations

				from dataclasses import dataclass, field
				from datetime import datetime
				from typing import Any, Optional

				from messages import *  # noqa: F401,F403 (message and enum types twin members may use)
				""".formatted(twin.getName()));
		out.append(classes("Desired", members(twin, TwinDirection.DESIRED), true));
		out.append(classes("Reported", members(twin, TwinDirection.REPORTED), false));
		out.append("""


				def _merge(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
				    merged = dict(base)
				    for key, value in patch.items():
				        if isinstance(value, dict) and isinstance(merged.get(key), dict):
				            merged[key] = _merge(merged[key], value)
				        else:
				            merged[key] = value
				    return merged


				DEFAULTS = Desired()
				""");
		return out.toString();
	}

	private static List<TwinMember> members(TwinSchema twin, TwinDirection direction) {
		return twin.getProperties().stream().filter(p -> p.getDirection() == direction).map(TwinProperty::getMember).toList();
	}

	/** The class {@code name} after the classes of its nested objects. */
	private static String classes(String name, List<TwinMember> members, boolean withDefaults) {
		StringBuilder out = new StringBuilder();
		for (TwinMember member : members) {
			if (member instanceof TwinObject object) {
				out.append(classes(name + capitalized(object.getName()), object.getMembers(), withDefaults));
			}
		}
		out.append("\n\n@dataclass\nclass ").append(name).append(":\n");
		for (TwinMember member : members) {
			String attribute = PythonTypes.identifier(member.getName());
			if (member instanceof TwinObject object) {
				out.append("    ").append(attribute).append(": ").append(name).append(capitalized(object.getName()))
						.append(" = field(default_factory=").append(name).append(capitalized(object.getName())).append(")\n");
			} else if (member instanceof TwinValue value) {
				out.append("    ").append(attribute).append(": Optional[").append(PythonTypes.annotation(value.getType(), false))
						.append("] = ").append(withDefaults && value.getDefault() != null ? defaultValue(value) : "None").append('\n');
			}
		}
		if (members.isEmpty()) {
			out.append("    pass\n");
		}
		out.append("\n    @staticmethod\n    def from_dict(data: dict[str, Any]) -> ").append(name).append(":\n");
		out.append("        result = ").append(name).append("()\n");
		for (TwinMember member : members) {
			String key = PythonTypes.quote(member.getName());
			String attribute = "result." + PythonTypes.identifier(member.getName());
			String value = member instanceof TwinValue v ? PythonTypes.fromJson(v.getType(), false, "data[" + key + "]")
					: name + capitalized(member.getName()) + ".from_dict(data[" + key + "])";
			out.append(member instanceof TwinObject ? "        if isinstance(data.get(" + key + "), dict):\n"
					: "        if data.get(" + key + ") is not None:\n");
			out.append("            ").append(attribute).append(" = ").append(value).append('\n');
		}
		out.append("        return result\n");
		out.append("\n    def to_dict(self) -> dict[str, Any]:\n        data: dict[str, Any] = {}\n");
		for (TwinMember member : members) {
			String attribute = "self." + PythonTypes.identifier(member.getName());
			String key = PythonTypes.quote(member.getName());
			if (member instanceof TwinValue value) {
				out.append("        if ").append(attribute).append(" is not None:\n            data[").append(key).append("] = ")
						.append(PythonTypes.toJson(value.getType(), false, attribute)).append('\n');
			} else {
				out.append("        if ").append(attribute).append(".to_dict():\n            data[").append(key).append("] = ")
						.append(attribute).append(".to_dict()\n");
			}
		}
		out.append("        return data\n");
		if (name.equals("Desired")) {
			out.append("""

					    def merge(self, patch: dict[str, Any]) -> Desired:
					        \"\"\"These desired properties with a patch applied (members absent from it keep their value).\"\"\"
					        return Desired.from_dict(_merge(self.to_dict(), patch))
					""");
		}
		return out.toString();
	}

	private static String defaultValue(TwinValue value) {
		Literal literal = value.getDefault();
		String text = switch (literal) {
			case StringLiteral s -> PythonTypes.quote(s.getValue());
			case NumberLiteral n -> n.getValue().toPlainString();
			case BooleanLiteral b -> b.isValue() ? "True" : "False";
			default -> "None";
		};
		boolean converted = value.getType() instanceof DataTypeRef ref && ref.getType() instanceof EnumType
				|| value.getType() instanceof io.edgestudio.dsl.edge.PrimitiveTypeRef p && p.getPrimitive() == io.edgestudio.dsl.edge.PrimitiveType.DATETIME;
		return converted ? PythonTypes.fromJson(value.getType(), false, text) : text;
	}

	static String capitalized(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}
}
