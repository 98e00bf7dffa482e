package io.edgestudio.ui.internal.wizards;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A module as the New Module wizard collects it, and its {@code .edge} text. Checks what the wizard can check
 * before the language does: the module name pattern and the port list syntax.
 */
record ModuleDeclaration(String name, String language, String image, List<String> inputs, List<String> outputs) {

    private static final Pattern MODULE_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_-]*$");
    private static final Pattern PORT = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*(:\\s*[a-zA-Z_][a-zA-Z0-9_.]*)?$");

    /** Languages whose skeleton Edge Studio generates; "" means a module from a container image. */
    static final List<String> LANGUAGES = List.of("java", "python", "csharp", "");

    /** Ports written as {@code name} or {@code name: MessageType}, separated by commas. */
    static List<String> ports(String text) {
        List<String> ports = new ArrayList<>();
        for (String port : text.split(",")) {
            if (!port.isBlank()) {
                ports.add(port.strip().replaceAll("\\s*:\\s*", ": "));
            }
        }
        return ports;
    }

    /** What is wrong with the declaration, or null when it can be written. */
    String problem() {
        if (!MODULE_NAME.matcher(name).matches()) {
            return "A module name starts with a letter or '_' and has only letters, digits, '_' and '-'.";
        }
        if (language.isEmpty() && image.isBlank()) {
            return "A module without a language needs a container image.";
        }
        for (String port : concat(inputs, outputs)) {
            if (!PORT.matcher(port).matches()) {
                return "'" + port + "' is not a port: write name or name: MessageType.";
            }
        }
        return null;
    }

    /** The module block, indented with four spaces, preceded by an empty line. */
    String text() {
        StringBuilder text = new StringBuilder("\nmodule ").append(name);
        if (!language.isEmpty()) {
            text.append(' ').append(language);
        }
        text.append(" {\n");
        if (!image.isBlank()) {
            text.append("    image \"").append(image.strip()).append("\"\n");
        }
        inputs.forEach(port -> text.append("    input ").append(port).append('\n'));
        outputs.forEach(port -> text.append("    output ").append(port).append('\n'));
        return text.append("}\n").toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
