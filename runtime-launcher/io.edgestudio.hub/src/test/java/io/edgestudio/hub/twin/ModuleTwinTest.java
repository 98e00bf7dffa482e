package io.edgestudio.hub.twin;

import static io.edgestudio.hub.twin.TwinStoreContract.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleTwinTest {

    @Test
    void patchesMergeAndIncreaseTheirVersion() throws Exception {
        ModuleTwin twin = ModuleTwin.empty()
                .patchReported(json("{\"a\":1,\"nested\":{\"x\":1,\"y\":2},\"gone\":true}"))
                .patchReported(json("{\"nested\":{\"y\":null,\"z\":3},\"gone\":null,\"$version\":99}"));

        assertThat(twin.reported()).isEqualTo(json("{\"a\":1,\"nested\":{\"x\":1,\"z\":3}}"));
        assertThat(twin.reportedVersion()).isEqualTo(3);
        assertThat(twin.desiredVersion()).isEqualTo(1);
        assertThat(twin.toJson().toString()).isEqualTo(
                "{\"desired\":{\"$version\":1},\"reported\":{\"a\":1,\"nested\":{\"x\":1,\"z\":3},\"$version\":3}}");
    }

    @Test
    void manifestDesiredPropertiesReplaceAndPushOnlyWhenChanged() throws Exception {
        List<String> pushed = new ArrayList<>();
        TwinService service = new TwinService(new InMemoryTwinStore(), (module, patch) -> pushed.add(module + patch));
        service.patchReported("m", json("{\"kept\":true}"));

        service.replaceDesired("m", json("{\"interval\":5}"));
        service.replaceDesired("m", json("{\"interval\":5}"));
        service.patchDesired("m", json("{\"interval\":10}"));

        assertThat(pushed).containsExactly("m{\"interval\":5,\"$version\":2}", "m{\"interval\":10,\"$version\":3}");
        assertThat(service.get("m").reported()).isEqualTo(json("{\"kept\":true}"));
        assertThat(service.get("m").desiredVersion()).isEqualTo(3);
    }
}
