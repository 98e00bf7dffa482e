package io.edgestudio.routes;

import java.util.Optional;

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

    /** Whether a message from its source, and satisfying the condition, takes this route. */
    public boolean accepts(RoutingMessage message) {
        return source.matches(message.source()) && condition.map(c -> c.matches(message)).orElse(true);
    }
}
