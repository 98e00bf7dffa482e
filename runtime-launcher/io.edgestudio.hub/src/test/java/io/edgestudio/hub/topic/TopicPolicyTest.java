package io.edgestudio.hub.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPolicyTest {

    private final TopicPolicy policy = new TopicPolicy("dev1", "mod1");

    @Test
    void sdkOutputTopicDecodesSystemAndApplicationProperties() {
        ModuleTopic topic = policy.parsePublish("devices/dev1/modules/mod1/messages/events/$.mid=m-1&$.cid=c-1"
                + "&$.on=output1&$.cdid=dev1&$.cmid=mod1&$.ce=utf-8&$.ct=application%2Fjson&alert=high"
                + "&sp%20ace=a%2Fb%26c%3Dd/");

        assertThat(topic).isInstanceOf(ModuleTopic.Events.class);
        PropertyBag bag = ((ModuleTopic.Events) topic).bag();
        assertThat(bag.systemProperties()).containsEntry("messageId", "m-1").containsEntry("correlationId", "c-1")
                .containsEntry("outputName", "output1").containsEntry("contentType", "application/json")
                .containsEntry("contentEncoding", "utf-8");
        assertThat(bag.properties()).containsExactly(Map.entry("alert", "high"), Map.entry("sp ace", "a/b&c=d"));
    }

    @Test
    void eventsWithoutBagOrTrailingSlash() {
        assertThat(policy.parsePublish("devices/dev1/modules/mod1/messages/events")).isInstanceOf(ModuleTopic.Events.class);
        assertThat(policy.parsePublish("devices/dev1/modules/mod1/messages/events/")).isInstanceOf(ModuleTopic.Events.class);
        assertThat(((ModuleTopic.Events) policy.parsePublish("devices/dev1/modules/mod1/messages/events/%24.on=o"))
                .bag().systemProperties()).containsEntry("outputName", "o");
    }

    @Test
    void twinAndMethodTopics() {
        assertThat(policy.parsePublish("$iothub/twin/GET/?$rid=abc")).isEqualTo(new ModuleTopic.TwinGet("abc"));
        assertThat(policy.parsePublish("$iothub/twin/PATCH/properties/reported/?$rid=r2&$version=1"))
                .isEqualTo(new ModuleTopic.TwinReportedPatch("r2"));
        assertThat(policy.parsePublish("$iothub/methods/res/200/?$rid=42"))
                .isEqualTo(new ModuleTopic.MethodResponse(200, "42"));
        assertThat(policy.parsePublish("$iothub/twin/GET/")).isInstanceOf(ModuleTopic.Forbidden.class);
    }

    @Test
    void anotherIdentitysTopicsAreForbidden() {
        assertThat(policy.parsePublish("devices/dev1/modules/mod2/messages/events/")).isInstanceOf(ModuleTopic.Forbidden.class);
        assertThat(policy.parsePublish("devices/dev1/modules/mod1/inputs/input1/")).isInstanceOf(ModuleTopic.Forbidden.class);
        assertThat(policy.parsePublish("devices/dev1/modules/mod1/messages/eventsX")).isInstanceOf(ModuleTopic.Forbidden.class);
        assertThat(policy.parsePublish("anything")).isInstanceOf(ModuleTopic.Forbidden.class);
    }

    @Test
    void subscriptionsOnlyToOwnInputsTwinAndMethods() {
        assertThat(policy.maySubscribe("devices/dev1/modules/mod1/inputs/#")).isTrue();
        assertThat(policy.maySubscribe("devices/dev1/modules/mod1/#")).isTrue();
        assertThat(policy.maySubscribe("$iothub/twin/res/#")).isTrue();
        assertThat(policy.maySubscribe("$iothub/twin/PATCH/properties/desired/#")).isTrue();
        assertThat(policy.maySubscribe("$iothub/methods/POST/#")).isTrue();
        assertThat(policy.maySubscribe("devices/dev1/modules/mod2/inputs/#")).isFalse();
        assertThat(policy.maySubscribe("#")).isFalse();
        assertThat(policy.maySubscribe("devices/+/modules/+/inputs/#")).isFalse();
    }

    @Test
    void inputTopicUsesPercentEncodedSystemProperties() {
        Map<String, String> system = new LinkedHashMap<>();
        system.put("messageId", "m-2");
        system.put("correlationId", "c-2");
        system.put("contentType", "application/json");
        system.put("connectionDeviceId", "dev1");
        system.put("connectionModuleId", "modA");
        system.put("enqueuedTime", "ignored: not a wire property");

        String topic = policy.inputTopic("input1", new PropertyBag(system, Map.of("color", "blue")));

        assertThat(topic).isEqualTo("devices/dev1/modules/mod1/inputs/input1/%24.mid=m-2&%24.cid=c-2"
                + "&%24.ct=application%2Fjson&%24.cdid=dev1&%24.cmid=modA&color=blue");
        PropertyBag back = PropertyBag.decode(topic.substring(topic.lastIndexOf('/') + 1));
        assertThat(back.systemProperties()).containsEntry("connectionModuleId", "modA");
        assertThat(PropertyBag.decode("a+b=c%20d").properties()).containsEntry("a+b", "c d");
    }
}
