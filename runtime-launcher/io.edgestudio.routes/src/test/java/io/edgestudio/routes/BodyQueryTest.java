package io.edgestudio.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Body queries beyond the conformance table: mixed body/property operands, functions, twin change paths. */
class BodyQueryTest {

    private static final String BODY = """
            {"message": {"Weather": {"Temperature": 50, "FreezingTemperature": -50.4, "NullValue": null,
              "Location": {"Street": "One Microsoft Way", "City": "Redmond", "State": "WA"},
              "PrevTemperatures": [20, 30, 40], "IsDisabled": false}}}""";

    private static final RoutingMessage MESSAGE = RoutingMessage.builder(MessageSource.telemetry())
            .systemProperty("contentType", "application/json")
            .systemProperty("contentEncoding", "UTF-8")
            .property("City", "Redmond")
            .property("$State", "WA")
            .body(BODY.getBytes(StandardCharsets.UTF_8))
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "$body.message.Weather.Location.State = $State | TRUE",
        "$body.message.Weather.Location.City != City | FALSE",
        "$City <> $body.message.Weather.InvalidKey | UNDEFINED",
        "$body.message.Weather <> null | UNDEFINED",
        "$body.message.Weather.InvalidKey <> '100' | TRUE",
        "NOT ($body.message.Weather.InvalidProperty != null) | TRUE",
        "$body.message.Weather.IsDisabled OR NOT($body.message.Weather.IsDisabled) | TRUE",
        "concat($body.message.Weather.Location.Street, ', ', $body.message.Weather.Location.City) = 'One Microsoft Way, Redmond' | TRUE",
        "sign($body.message.Weather.FreezingTemperature) = -1 | TRUE",
        "power($body.message.Weather.Temperature, length($body.message.Weather.Location.State)) = square($body.message.Weather.Temperature) | TRUE",
        "$body.message.Weather.PrevTemperatures[1] / $body.message.Weather.PrevTemperatures[0] = 3/3 | FALSE",
        "$body.message.Weather.Location.* = 'x' | UNDEFINED",
        "is_string($body.message.Weather.Location.Street) | TRUE",
        "is_null($body.message.Weather.Temperature) | TRUE",
        "$body.message.Weather.Location.State AND true | UNDEFINED",
        "is_bool($body.message.Weather.IsDisabled) | TRUE",
        "is_bool($body.message.Weather.Temperature) | FALSE",
        "is_bool($body.message.Weather) | UNDEFINED",
        "is_bool(undefined AND true) | UNDEFINED",
    })
    void evaluatesLikeEdgeHub(String condition, Truth expected) {
        assertThat(RouteLanguage.compileCondition(condition).evaluate(MESSAGE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "twin_change_includes()",
        "twin_change_includes(properties.)",
        "twin_change_includes(123123)",
        "twin_change_includes(properties.abcd123)",
        "twin_change_includes(properties.desired.twin,,,,,)",
        "twin_change_includes(properties[0])",
        "twin_change_includes(properties.desired.WeatherTwin[])",
        "twin_change_includes(properties[123].props11, abc)",
    })
    void rejectsUnsupportedTwinChangePaths(String condition) {
        assertThatThrownBy(() -> RouteLanguage.compileCondition(condition, MessageSource.twinChangeNotifications()))
                .isInstanceOf(RouteLanguageException.class);
    }
}
