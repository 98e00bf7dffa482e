package io.edgestudio.routes;

import java.util.List;

/**
 * One {@code $body...} query used in a condition, for tools that check it against a message schema.
 *
 * @param path the member names in order; an array index follows its member as a separate {@code "[n]"} element,
 *        so {@code $body.a.b[0]} gives {@code ["a", "b", "[0]"]}
 * @param offset 0-based offset of the {@code $body...} token in the condition text
 * @param length length of that token
 */
public record BodyReference(List<String> path, int offset, int length) {
    public BodyReference {
        path = List.copyOf(path);
    }
}
