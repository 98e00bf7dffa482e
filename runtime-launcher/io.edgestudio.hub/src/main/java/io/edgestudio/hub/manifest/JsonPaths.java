package io.edgestudio.hub.manifest;

import java.util.regex.Pattern;

/** Builds JSONPath strings for error messages: {@code $.a.b}, {@code $['properties.desired']}, {@code $.a[0]}. */
final class JsonPaths {

    static final String ROOT = "$";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$\\-]*");

    private JsonPaths() {
    }

    static String child(String parent, String key) {
        if (PLAIN.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "['" + key.replace("'", "\\'") + "']";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
