package io.edgestudio.docker;

import java.util.regex.Pattern;

/** Builds JSONPath strings for error messages: {@code $.HostConfig.Binds[0]}, {@code $.Labels['a.b']}. */
final class JsonPaths {

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
