package io.edgestudio.routes.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSONPath subset edgeHub accepts after {@code $body.}: {@code name} or {@code name[index]} segments joined
 * by {@code .}. Names may hold any character except {@code ()<>@,;:\"/[]?={}.} and line breaks; a name made
 * only of digits is a number in the reference grammar, so it is not a name.
 */
public final class JsonPath {

    private static final String NAME_EXCLUDED = "()<>@,;:\\\"/[]?={}.\t\n\r";

    /** One path step: a member name and an optional array index. */
    public record Segment(String name, OptionalInt index) {
    }

    private final String path;
    private int pos;

    private JsonPath(String path) {
        this.path = path;
    }

    /**
     * The segments of {@code path}.
     *
     * @throws IllegalArgumentException with a reason when the path is empty or outside the subset
     */
    public static List<Segment> parse(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("$body query cannot be empty");
        }
        return new JsonPath(path).segments();
    }

    private List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        segments.add(segment());
        while (pos < path.length()) {
            if (path.charAt(pos) != '.') {
                throw unsupported("expected '.' at position " + pos);
            }
            pos++;
            segments.add(segment());
        }
        return List.copyOf(segments);
    }

    private Segment segment() {
        int start = pos;
        while (pos < path.length() && NAME_EXCLUDED.indexOf(path.charAt(pos)) < 0) {
            pos++;
        }
        String name = path.substring(start, pos);
        if (name.isEmpty() || name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw unsupported("expected a member name at position " + start);
        }
        if (pos >= path.length() || path.charAt(pos) != '[') {
            return new Segment(name, OptionalInt.empty());
        }
        int digitsStart = ++pos;
        while (pos < path.length() && path.charAt(pos) >= '0' && path.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == digitsStart || pos >= path.length() || path.charAt(pos) != ']') {
            throw unsupported("expected an array index like [0] at position " + (digitsStart - 1));
        }
        String digits = path.substring(digitsStart, pos++);
        return new Segment(name, OptionalInt.of(index(digits)));
    }

    private static int index(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }

    private IllegalArgumentException unsupported(String detail) {
        return new IllegalArgumentException("unsupported $body query '" + path + "': " + detail
                + " (only name and name[index] segments joined by '.')");
    }
}
