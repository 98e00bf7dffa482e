package io.edgestudio.dsl.generator.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.dsl.edge.DataTypeRef;
import io.edgestudio.dsl.edge.EnumLiteral;
import io.edgestudio.dsl.edge.EnumType;
import io.edgestudio.dsl.edge.Field;
import io.edgestudio.dsl.edge.MessageType;
import io.edgestudio.dsl.edge.PrimitiveTypeRef;
import io.edgestudio.dsl.edge.TwinDirection;
import io.edgestudio.dsl.edge.TwinMember;
import io.edgestudio.dsl.edge.TwinObject;
import io.edgestudio.dsl.edge.TwinProperty;
import io.edgestudio.dsl.edge.TwinSchema;
import io.edgestudio.dsl.edge.TwinValue;
import io.edgestudio.dsl.edge.TypeRef;
import io.edgestudio.dsl.generator.EdgeSolution;
import io.edgestudio.dsl.generator.GeneratorException;
import io.edgestudio.dsl.generator.ManifestJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * One DTDL v3 interface (IoT Plug and Play) per twin schema of a solution, written as
 * {@code <dir>/<TwinName>.json}. The interface's {@code @id} is {@code dtmi:<solution>:<TwinName>;1} with each
 * segment made a valid DTMI segment; its contents hold one {@code Property} per twin member, writable for desired
 * members and read-only for reported ones (a member both desired and reported is one writable property). Types map
 * to DTDL schemas: {@code bool} → boolean, {@code int} → integer, {@code long} → long, {@code double} → double,
 * {@code string} → string, {@code datetime} → dateTime, enums → {@code Enum} with string values, messages and twin
 * objects → {@code Object} with fields (twins hold no lists; the validator refuses them). Units go into the description, since a DTDL unit needs
 * a semantic type. Names DTDL cannot spell are an error naming the place.
 */
public final class DtdlGenerator {

	/** The DTDL v3 context. */
	public static final String CONTEXT = "dtmi:dtdl:context;3";
	/** The pattern of a DTMI. */
	public static final Pattern DTMI = Pattern.compile(
			"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*;[1-9][0-9]{0,8}$");
	/** The pattern of a DTDL name (at most {@value #MAX_NAME} characters). */
	public static final Pattern NAME = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$");
	/** The longest DTDL name. */
	public static final int MAX_NAME = 64;

	/** Writes the interface of every twin schema of the solution into {@code dir}; returns the files, in schema order. */
	public List<Path> generate(EdgeSolution solution, Path dir) throws IOException {
		List<Path> written = new ArrayList<>();
		for (Map.Entry<String, String> file : interfaces(solution).entrySet()) {
			written.add(write(dir.resolve(file.getKey()), file.getValue()));
		}
		return written;
	}

	/** The interfaces of the solution's twin schemas as file name → text, in declaration order (files by URI). */
	public Map<String, String> interfaces(EdgeSolution solution) {
		Map<String, String> files = new LinkedHashMap<>();
		for (TwinSchema twin : twins(solution)) {
			String file = twin.getName() + ".json";
			if (files.containsKey(file)) {
				throw new GeneratorException(where(twin) + "two twin schemas are named " + twin.getName() + "; DTDL interfaces need distinct names");
			}
			files.put(file, ManifestJson.write(interfaceOf(solution, twin)));
		}
		return files;
	}

	/** The DTDL interface of one twin schema. */
	public ObjectNode interfaceOf(EdgeSolution solution, TwinSchema twin) {
		ObjectNode root = ManifestJson.object();
		root.put("@context", CONTEXT);
		root.put("@id", dtmi(solution.solution().getName(), twin.getName()));
		root.put("@type", "Interface");
		root.put("displayName", twin.getName());
		String description = description(twin, twin.getDescription());
		if (description != null) {
			root.put("description", description);
		}
		ArrayNode contents = root.putArray("contents");
		Map<String, ObjectNode> byName = new LinkedHashMap<>();
		for (TwinProperty property : twin.getProperties()) {
			TwinMember member = property.getMember();
			boolean writable = property.getDirection() == TwinDirection.DESIRED;
			ObjectNode existing = byName.get(member.getName());
			if (existing != null) {
				if (writable) {
					existing.put("writable", true);
				}
				continue;
			}
			ObjectNode node = ManifestJson.object();
			node.put("@type", "Property");
			node.put("name", name(member.getName(), member));
			putDescription(node, description(member));
			node.set("schema", schema(member, new HashSet<>()));
			node.put("writable", writable);
			byName.put(member.getName(), node);
			contents.add(node);
		}
		return root;
	}

	/** {@code dtmi:<solution>:<twin>;1}, each segment reduced to what a DTMI segment allows. */
	public static String dtmi(String solution, String twin) {
		return "dtmi:" + segment(solution) + ":" + segment(twin) + ";1";
	}

	/** A DTMI segment: letters, digits and underscores, starting with a letter and not ending with an underscore. */
	static String segment(String text) {
		String cleaned = text.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^[^A-Za-z]+", "").replaceAll("_+$", "");
		return cleaned.isEmpty() ? "edge" : cleaned;
	}

	private static List<TwinSchema> twins(EdgeSolution solution) {
		Resource own = solution.solution().eResource();
		List<Resource> resources = new ArrayList<>(own.getResourceSet() == null ? List.of(own) : own.getResourceSet().getResources());
		resources.sort(Comparator.comparing(r -> String.valueOf(r.getURI())));
		List<TwinSchema> twins = new ArrayList<>();
		for (Resource resource : resources) {
			resource.getAllContents().forEachRemaining(o -> {
				if (o instanceof TwinSchema t) {
					twins.add(t);
				}
			});
		}
		return twins;
	}

	private JsonNode schema(TwinMember member, Set<MessageType> open) {
		return switch (member) {
			case TwinValue value -> schema(value.getType(), open);
			case TwinObject object -> {
				ObjectNode node = ManifestJson.object();
				node.put("@type", "Object");
				ArrayNode fields = node.putArray("fields");
				for (TwinMember child : object.getMembers()) {
					ObjectNode field = ManifestJson.object();
					field.put("name", name(child.getName(), child));
					putDescription(field, description(child));
					field.set("schema", schema(child, open));
					fields.add(field);
				}
				yield node;
			}
			default -> throw new GeneratorException(where(member) + "unsupported twin member");
		};
	}

	private JsonNode schema(TypeRef type, Set<MessageType> open) {
		return switch (type) {
			case PrimitiveTypeRef p -> ManifestJson.NODES.textNode(switch (p.getPrimitive()) {
				case BOOL -> "boolean";
				case INT -> "integer";
				case LONG -> "long";
				case DOUBLE -> "double";
				case STRING -> "string";
				case DATETIME -> "dateTime";
			});
			case DataTypeRef d when d.getType() instanceof EnumType e -> enumSchema(e);
			case DataTypeRef d when d.getType() instanceof MessageType m -> objectSchema(m, open);
			default -> throw new GeneratorException(where(type) + "unresolved type");
		};
	}

	private ObjectNode enumSchema(EnumType type) {
		ObjectNode node = ManifestJson.object();
		node.put("@type", "Enum");
		node.put("valueSchema", "string");
		putDescription(node, description(type, type.getDescription()));
		ArrayNode values = node.putArray("enumValues");
		for (EnumLiteral literal : type.getLiterals()) {
			ObjectNode value = ManifestJson.object();
			value.put("name", name(literal.getName(), literal));
			value.put("enumValue", literal.getName());
			putDescription(value, description(literal, literal.getDescription()));
			values.add(value);
		}
		return node;
	}

	private ObjectNode objectSchema(MessageType message, Set<MessageType> open) {
		if (!open.add(message)) {
			throw new GeneratorException(where(message) + "message " + message.getName() + " contains itself; a DTDL schema cannot be recursive");
		}
		ObjectNode node = ManifestJson.object();
		node.put("@type", "Object");
		putDescription(node, description(message, message.getDescription()));
		ArrayNode fields = node.putArray("fields");
		for (Field field : message.getFields()) {
			ObjectNode child = ManifestJson.object();
			child.put("name", name(field.getName(), field));
			putDescription(child, withUnit(description(field, field.getDescription()), field.getUnit()));
			child.set("schema", schema(field.getType(), open));
			fields.add(child);
		}
		open.remove(message);
		return node;
	}

	private static String description(TwinMember member) {
		return switch (member) {
			case TwinValue value -> description(value, value.getDescription());
			case TwinObject object -> description(object, object.getDescription());
			default -> null;
		};
	}

	/** The description string of an element, else its documentation comment, else null. */
	private static String description(EObject element, String written) {
		if (written != null && !written.isBlank()) {
			return written;
		}
		if (element.eResource() instanceof XtextResource resource) {
			String doc = resource.getResourceServiceProvider().get(IEObjectDocumentationProvider.class).getDocumentation(element);
			if (doc != null && !doc.isBlank()) {
				return String.join(" ", Arrays.stream(doc.strip().split("\\s*\\R\\s*")).toList());
			}
		}
		return null;
	}

	private static String withUnit(String description, String unit) {
		if (unit == null || unit.isBlank()) {
			return description;
		}
		return description == null ? "Unit: " + unit + "." : description + " (unit: " + unit + ")";
	}

	private static void putDescription(ObjectNode node, String description) {
		if (description != null) {
			node.put("description", description);
		}
	}

	private static String name(String name, EObject element) {
		if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
			throw new GeneratorException(where(element) + "'" + name + "' is not a DTDL name (a letter, then letters, digits or "
					+ "underscores, not ending with an underscore, at most " + MAX_NAME + " characters)");
		}
		return name;
	}

	/** {@code file:line: } of an element, or nothing when it has no node. */
	private static String where(EObject element) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		if (node == null || element.eResource() == null) {
			return "";
		}
		return element.eResource().getURI().lastSegment() + ":" + node.getStartLine() + ": ";
	}

	private static Path write(Path file, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		return file;
	}
}
