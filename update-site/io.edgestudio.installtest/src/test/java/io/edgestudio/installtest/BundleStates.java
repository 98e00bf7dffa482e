package io.edgestudio.installtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bundle states as the Equinox/Gogo console command {@code lb -s} prints them. */
final class BundleStates {

    // "  152|Active     |    4|io.edgestudio.ui (0.1.0.2026...)|0.1.0.2026..."
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+\\|(\\w+)\\s*\\|\\s*\\d+\\|([^\\s(|]+)", Pattern.MULTILINE);

    private BundleStates() {
    }

    /** Maps symbolic name to state; the last listing of a bundle in the output wins. */
    static Map<String, String> parse(String consoleOutput) {
        Map<String, String> states = new LinkedHashMap<>();
        Matcher m = ROW.matcher(consoleOutput);
        while (m.find()) {
            states.put(m.group(2), m.group(1));
        }
        return states;
    }
}
