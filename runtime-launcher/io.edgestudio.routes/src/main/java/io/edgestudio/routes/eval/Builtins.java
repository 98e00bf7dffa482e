package io.edgestudio.routes.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The value built-ins by lower-case name. {@code twin_change_includes} is not here: it takes a path rather than
 * values and the compiler handles it itself.
 */
final class Builtins {

    /** The one built-in that reads the twin change notification body. */
    static final String TWIN_CHANGE_INCLUDES = "twin_change_includes";

    private static final Map<String, Builtin> BY_NAME = index();

    private Builtins() {
    }

    static Optional<Builtin> find(String lowerCaseName) {
        return Optional.ofNullable(BY_NAME.get(lowerCaseName));
    }

    private static Map<String, Builtin> index() {
        Map<String, Builtin> byName = new HashMap<>();
        Stream.of(MathFunctions.all(), TypeFunctions.all(), StringFunctions.all())
                .flatMap(List::stream)
                .forEach(builtin -> byName.put(builtin.name(), builtin));
        return Map.copyOf(byName);
    }
}
