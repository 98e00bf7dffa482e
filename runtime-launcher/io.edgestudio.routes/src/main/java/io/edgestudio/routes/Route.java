package io.edgestudio.routes;

import io.edgestudio.routes.parse.Lexer;
import io.edgestudio.routes.parse.Token;
import io.edgestudio.routes.parse.TokenType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed and checked route.
 *
 * @param text the route string as given
 * @param source the {@code FROM} path
 * @param condition the compiled {@code WHERE} condition; empty when there is none (the route takes everything)
 * @param conditionText the condition's exact source text; empty when there is no {@code WHERE}
 * @param sink where matching messages go
 */
public record Route(String text, MessageSource source, Optional<Condition> condition, Optional<String> conditionText,
        Sink sink) {

    /**
     * Where {@link #conditionText()} starts in {@link #text()}, to place condition positions (such as
     * {@link Condition#bodyReferences()}) in the route string; empty when there is no condition.
     */
    public OptionalInt conditionOffset() {
        if (conditionText.isEmpty()) {
            return OptionalInt.empty();
        }
        // The path cannot hold a WHERE token, so the first WHERE is the route's own and the condition starts at
        // the token after it.
        List<Token> tokens = Lexer.tokenize(text);
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (tokens.get(i).type() == TokenType.WHERE) {
                return OptionalInt.of(tokens.get(i + 1).offset());
            }
        }
        return OptionalInt.empty();
    }
}
