package io.edgestudio.dsl.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.TwinDirection;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.edge.TwinValue;
import java.util.List;

/**
 * A module's {@code properties.desired} section: the defaults of its twin's desired members, nested
 * objects as objects. Members without a default are left out, and so are objects left empty, because
 * a desired property in the manifest overwrites the twin.
 */
public final class TwinDefaults {

	private TwinDefaults() {
	}

	/** The desired defaults of a twin schema ({@code {}} when it has none). */
	public static ObjectNode of(TwinSchema twin) {
		ObjectNode desired = ManifestJson.object();
		for (TwinProperty property : twin.getProperties()) {
			if (property.getDirection() == TwinDirection.DESIRED) {
				add(desired, property.getMember());
			}
		}
		return desired;
	}

	private static void add(ObjectNode target, TwinMember member) {
		switch (member) {
			case TwinValue value when value.getDefault() != null -> target.set(value.getName(), Literals.toJson(value.getDefault()));
			case TwinObject object -> addObject(target, object.getName(), object.getMembers());
			default -> {
			}
		}
	}

	private static void addObject(ObjectNode target, String name, List<TwinMember> members) {
		ObjectNode child = ManifestJson.object();
		members.forEach(m -> add(child, m));
		if (!child.isEmpty()) {
			target.set(name, child);
		}
	}
}
