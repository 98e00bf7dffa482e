package io.edgestudio.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fan-out over named routes, in priority order. */
class RouterTest {

    private final Router router = Router.of(List.of(
            RouteDefinition.of("toCloud", "FROM /messages/* INTO $upstream"),
            new RouteDefinition("alerts", "FROM /messages/modules/sensor/outputs/* WHERE alert = 'true' "
                    + "INTO BrokeredEndpoint(\"/modules/alerter/inputs/in\")", 0, 60),
            new RouteDefinition("filter", "FROM /messages/modules/sensor/outputs/temperature "
                    + "INTO BrokeredEndpoint(\"/modules/filter/inputs/input1\")", 1, 0),
            RouteDefinition.of("twins", "FROM /twinChangeNotifications INTO $upstream")));

    @Test
    void returnsEveryMatchingRouteHighestPriorityFirst() {
        RoutingMessage message = RoutingMessage.builder(MessageSource.moduleOutput("sensor", "temperature"))
                .property("alert", "true")
                .build();
        List<RouteMatch> matches = router.route(message);
        assertThat(matches).extracting(RouteMatch::name).containsExactly("alerts", "filter", "toCloud");
        assertThat(matches.get(0).sink()).isEqualTo(new Sink.ModuleInput("alerter", "in"));
        assertThat(matches.get(0).definition().timeToLiveSecs()).isEqualTo(60);
    }

    @Test
    void conditionsAndSourcesFilter() {
        RoutingMessage other = RoutingMessage.builder(MessageSource.moduleOutput("sensor", "humidity")).build();
        assertThat(router.route(other)).extracting(RouteMatch::name).containsExactly("toCloud");
        RoutingMessage twin = RoutingMessage.builder(MessageSource.twinChangeNotifications()).build();
        assertThat(router.route(twin)).extracting(RouteMatch::name).containsExactly("twins");
    }

    @Test
    void rejectsBadRoutesAtBuildTime() {
        assertThatThrownBy(() -> Router.of(List.of(RouteDefinition.of("bad", "FROM /messages WHERE a = 1 INTO $upstream"))))
                .isInstanceOfSatisfying(InvalidRouteException.class, e -> {
                    assertThat(e.routeName()).isEqualTo("bad");
                    assertThat(e.kind()).isEqualTo(RouteLanguageException.Kind.TYPE);
                    assertThat(e.offset()).isEqualTo(23);
                    assertThat(e.getMessage()).startsWith("route 'bad': 1:24: ");
                });
        assertThatThrownBy(() -> Router.of(List.of(RouteDefinition.of("a", "FROM /* INTO $upstream"),
                RouteDefinition.of("a", "FROM /* INTO $upstream")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouteDefinition("p", "FROM /* INTO $upstream", 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageSourcesHaveCanonicalPaths() {
        assertThat(MessageSource.telemetry().path()).isEqualTo("/messages");
        assertThat(MessageSource.module("m").path()).isEqualTo("/messages/modules/m");
        assertThat(MessageSource.moduleOutput("m", "o").path()).isEqualTo("/messages/modules/m/outputs/o");
        assertThat(MessageSource.of("/messages/modules/M/*").matches(MessageSource.module("m"))).isTrue();
        assertThat(MessageSource.of("/twinChangeNotifications/*").isTwinChangeNotifications()).isTrue();
    }
}
