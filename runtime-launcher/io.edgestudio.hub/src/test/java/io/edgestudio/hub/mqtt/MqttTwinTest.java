package io.edgestudio.hub.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.core.HubSettings;
import io.edgestudio.hub.core.MessageRouting;
import io.edgestudio.hub.method.MethodInvoker;
import io.edgestudio.hub.method.MethodResult;
import io.edgestudio.hub.store.InMemoryMessageStore;
import io.edgestudio.hub.testing.TestHub;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twin and method topics on the wire, exactly as the facts file gives them, with Paho as the module. */
class MqttTwinTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private TestHub edge;
    private MqttClient module;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        edge = TestHub.start(state, HubSettings.defaults(TestHub.HUB_HOST), new InMemoryMessageStore(),
                identities -> MessageRouting.none(), new InetSocketAddress("127.0.0.1", 0), "mod1");
        module = edge.connect("mod1");
        for (String filter : new String[] {"$iothub/twin/res/#", "$iothub/twin/PATCH/properties/desired/#",
                "$iothub/methods/POST/#"}) {
            module.subscribe(filter, 1, (topic, message) ->
                    received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        }
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void getAndReportedPatchAreAnsweredWithVersions() throws Exception {
        edge.hub.twins().replaceDesired("mod1", (ObjectNode) JSON.readTree("{\"interval\":5}"));
        assertThat(next()).as("a connected, subscribed module gets the new desired properties")
                .isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2 {\"interval\":5,\"$version\":2}");

        module.publish("$iothub/twin/GET/?$rid=r1", new byte[0], 1, false);
        assertThat(next()).isEqualTo("$iothub/twin/res/200/?$rid=r1 "
                + "{\"desired\":{\"interval\":5,\"$version\":2},\"reported\":{\"$version\":1}}");

        module.publish("$iothub/twin/PATCH/properties/reported/?$rid=r2&$version=1",
                "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(next()).isEqualTo("$iothub/twin/res/204/?$rid=r2&$version=2 ");

        module.publish("$iothub/twin/PATCH/properties/reported/?$rid=r3", "[1]".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(next()).isEqualTo("$iothub/twin/res/400/?$rid=r3 ");
        assertThat(edge.hub.twins().get("mod1").reported().toString()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void desiredPatchesArePushed() throws Exception {
        edge.hub.twins().patchDesired("mod1", (ObjectNode) JSON.readTree("{\"interval\":10}"));

        assertThat(next()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2 {\"interval\":10,\"$version\":2}");
    }

    @Test
    void methodCallsCarryARequestIdAndTheAnswerCompletesThem() throws Exception {
        CompletableFuture<MethodResult> result = edge.hub.methods().invoke("mod1", "reboot", "{\"delay\":1}",
                MethodInvoker.DEFAULT_TIMEOUT);

        String call = next();
        assertThat(call).startsWith("$iothub/methods/POST/reboot/?$rid=").endsWith(" {\"delay\":1}");
        String rid = call.substring(call.indexOf("$rid=") + 5, call.indexOf(' '));
        module.publish("$iothub/methods/res/200/?$rid=" + rid, "{\"done\":true}".getBytes(StandardCharsets.UTF_8), 1,
                false);

        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new MethodResult(200, "{\"done\":true}"));
    }

    private String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message from the hub").isNotNull();
        return message;
    }
}
