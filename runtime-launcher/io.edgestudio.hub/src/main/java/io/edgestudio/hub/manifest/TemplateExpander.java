package io.edgestudio.hub.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands deployment template placeholders the way iotedgedev and the VS Code extension do:
 * {@code ${MODULES.name}} (and {@code ${MODULES.name.platform}}) become module images, {@code ${VAR}} and
 * {@code $VAR} become variable values. Unknown names are left as they are (like {@code expandvars}), so
 * {@code $upstream} and {@code $edgeAgent} survive; they are reported by {@link #unresolved()}.
 * Expansion works on the JSON tree, in values and keys, so a value can never break the JSON syntax.
 */
public final class TemplateExpander {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final String MODULES_PREFIX = "MODULES.";

    private final Function<String, String> variables;
    private final Map<String, String> moduleImages;
    private final Set<String> unresolved = new LinkedHashSet<>();

    /**
     * @param variables variable values by name (e.g. {@code System::getenv} or a {@code .env} file); null if unknown
     * @param moduleImages images by module name, optionally also by {@code name.platform}
     */
    public TemplateExpander(Function<String, String> variables, Map<String, String> moduleImages) {
        this.variables = variables;
        this.moduleImages = Map.copyOf(moduleImages);
    }

    /**
     * Expands a template in place-free fashion.
     *
     * @param template the template tree (not modified)
     * @return an expanded copy
     */
    public JsonNode expand(JsonNode template) {
        if (template.isTextual()) {
            return TextNode.valueOf(expand(template.textValue()));
        }
        if (template.isObject()) {
            ObjectNode copy = ((ObjectNode) template).objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(template.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                copy.set(expand(field.getKey()), expand(field.getValue()));
            }
            return copy;
        }
        if (template.isArray()) {
            ArrayNode copy = ((ArrayNode) template).arrayNode();
            template.forEach(element -> copy.add(expand(element)));
            return copy;
        }
        return template.deepCopy();
    }

    /**
     * @param text a string that may contain placeholders
     * @return the string with every known placeholder replaced
     */
    public String expand(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = lookup(name);
            if (value == null) {
                unresolved.add(matcher.group());
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** @return the placeholders seen so far that had no value, in order of first appearance */
    public Set<String> unresolved() {
        return Set.copyOf(unresolved);
    }

    private String lookup(String name) {
        if (name.startsWith(MODULES_PREFIX)) {
            String key = name.substring(MODULES_PREFIX.length());
            String image = moduleImages.get(key);
            int dot = key.indexOf('.');
            return image != null || dot < 0 ? image : moduleImages.get(key.substring(0, dot));
        }
        return variables.apply(name);
    }
}
