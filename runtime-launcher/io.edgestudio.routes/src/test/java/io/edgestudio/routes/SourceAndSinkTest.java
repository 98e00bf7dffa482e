package io.edgestudio.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.edgestudio.routes.RouteLanguageException.Kind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Source matching and sink addresses beyond the conformance table. */
class SourceAndSinkTest {

    @ParameterizedTest(name = "{0} takes {1}: {2}")
    @CsvSource({
        "/*, /twinChangeNotifications, true",
        "'  /messages/modules/m1/**  ', /messages/modules/M1/outputs/o, true",
        "/messages/modules/m1/outputs/o1, /messages/modules/m1/outputs/o10, false",
        "/messages/modules, /messages, false",
        "/messages, /messages/modules/m, true",
    })
    void matchesWholeSegmentsIgnoringCase(String route, String message, boolean expected) {
        assertThat(MessageSource.of(route).matches(MessageSource.of(message))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource({
        "/*, EVERYTHING, , ",
        "/, EVERYTHING, , ",
        "/twinChangeNotifications/*, TWIN_CHANGES, , ",
        "/messages/*, ALL_MESSAGES, , ",
        "/MESSAGES, ALL_MESSAGES, , ",
        "/messages/modules/*, ALL_MODULES, , ",
        "/messages/modules/Sensor/*, MODULE, Sensor, ",
        "/messages/modules/M1*, MODULE, M1, ",
        "/messages/Modules/Sensor/Outputs/*, MODULE_OUTPUTS, Sensor, ",
        "/messages/modules/Sensor/outputs/readings, MODULE_OUTPUT, Sensor, readings",
        "/messages/modules/Sensor/inputs/readings, NOTHING, , ",
        "/messages/modules/Sensor/outputs/readings/more, NOTHING, , ",
        "/telemetry, NOTHING, , ",
    })
    void readsWhichMessagesAPathTakes(String path, MessageSource.Scope scope, String module, String output) {
        MessageSource source = MessageSource.of(path);
        assertThat(source.scope()).isEqualTo(scope);
        assertThat(source.module()).isEqualTo(Optional.ofNullable(module));
        assertThat(source.output()).isEqualTo(Optional.ofNullable(output));
    }

    @ParameterizedTest
    @CsvSource({
        "'BrokeredEndpoint(\"modules/m/inputs/i\")', m, i",
        "'BrokeredEndpoint(\"/modules/m/inputs/i/\")', m, i",
        "'brokeredendpoint(''/modules/m.v2/inputs/in-1'')', m.v2, in-1",
    })
    void readsModuleAndInputByPosition(String sink, String module, String input) {
        Route route = RouteLanguage.parseRoute("FROM /messages INTO " + sink);
        assertThat(route.sink()).isEqualTo(new Sink.ModuleInput(module, input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BrokeredEndpoint(\"/modules//inputs/i\")", "BrokeredEndpoint(\"\")", "$UpStream2"})
    void rejectsUnusableSinks(String sink) {
        RouteLanguageException error = catchThrowableOfType(RouteLanguageException.class,
                () -> RouteLanguage.parseRoute("FROM /messages INTO " + sink));
        assertThat(error.kind()).isEqualTo(Kind.INVALID_SINK);
        assertThat(error.offset()).isEqualTo("FROM /messages INTO ".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$upstream", "$UPSTREAM", "$UpStream"})
    void upstreamInAnyCase(String sink) {
        assertThat(RouteLanguage.parseRoute("FROM /messages INTO " + sink).sink()).isEqualTo(Sink.upstream());
    }
}
