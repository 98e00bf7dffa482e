package io.edgestudio.hub.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TwinStore} has; run once per implementation. */
abstract class TwinStoreContract {

    static final ObjectMapper JSON = new ObjectMapper();

    protected abstract TwinStore createStore() throws Exception;

    @Test
    void savedTwinsLoadWithTheirVersions() throws Exception {
        TwinStore store = createStore();
        ModuleTwin twin = ModuleTwin.empty().patchDesired(json("{\"interval\":10,\"nested\":{\"a\":1}}"))
                .patchReported(json("{\"status\":\"ok\"}"));

        store.save("filter", twin);

        assertThat(store.load("filter")).contains(twin);
        assertThat(store.load("other")).isEmpty();
    }

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }
}
