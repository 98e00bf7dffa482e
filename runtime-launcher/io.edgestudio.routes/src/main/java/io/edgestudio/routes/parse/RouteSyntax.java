package io.edgestudio.routes.parse;

import java.util.Optional;

/**
 * A route string split into its parts by the grammar {@code [SELECT *] FROM path [WHERE condition] INTO sink},
 * before the source, the sink and the condition are checked.
 *
 * @param source the path's token texts joined (whitespace and comments dropped), as edgeHub reads it
 * @param sourceOffset where the path starts in the route text
 * @param condition the exact text from the condition's first to its last token, if there is a WHERE clause
 * @param conditionOffset where the condition starts in the route text (0 without WHERE)
 * @param sinkName {@code $name} for a system endpoint, or the function name of a function endpoint
 * @param sinkArgument the string literal of a function endpoint, empty for a system endpoint
 * @param sinkOffset where the sink starts in the route text
 * @param sinkLength how long the sink's text is
 */
public record RouteSyntax(String source, int sourceOffset, Optional<String> condition, int conditionOffset,
        Token sinkName, Optional<Token> sinkArgument, int sinkOffset, int sinkLength) {
}
