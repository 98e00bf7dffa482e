package io.edgestudio.hub.topic;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edgeHub topic contract for one module identity: what it may publish (its own events, twin and method
 * topics) and subscribe to (its own inputs, twin responses, desired patches, method calls), and the topics
 * the hub publishes to it.
 */
public final class TopicPolicy {

    private static final Pattern TWIN_GET = Pattern.compile("\\$iothub/twin/GET/\\?(.*)");
    private static final Pattern TWIN_PATCH = Pattern.compile("\\$iothub/twin/PATCH/properties/reported/\\?(.*)");
    private static final Pattern METHOD_RESPONSE = Pattern.compile("\\$iothub/methods/res/([0-9]{1,9})/\\?(.*)");

    /** Twin response topic filter. */
    public static final String TWIN_RESPONSES = "$iothub/twin/res/#";
    /** Desired-property patch topic filter. */
    public static final String DESIRED_PATCHES = "$iothub/twin/PATCH/properties/desired/#";
    /** Method request topic filter. */
    public static final String METHOD_REQUESTS = "$iothub/methods/POST/#";

    private final String modulePrefix;
    private final String eventsPrefix;
    private final Set<String> allowedFilters;

    /**
     * @param deviceId the identity's device
     * @param moduleId the identity's module
     */
    public TopicPolicy(String deviceId, String moduleId) {
        this.modulePrefix = "devices/" + deviceId + "/modules/" + moduleId + "/";
        this.eventsPrefix = modulePrefix + "messages/events";
        this.allowedFilters = Set.of(modulePrefix + "inputs/#", modulePrefix + "#", TWIN_RESPONSES, DESIRED_PATCHES,
                METHOD_REQUESTS);
    }

    /**
     * @param topic a PUBLISH topic from the module
     * @return what it means, or {@link ModuleTopic.Forbidden}
     */
    public ModuleTopic parsePublish(String topic) {
        if (topic.startsWith(eventsPrefix)) {
            String rest = topic.substring(eventsPrefix.length());
            if (rest.isEmpty() || rest.equals("/")) {
                return new ModuleTopic.Events(PropertyBag.decode(""));
            }
            if (rest.startsWith("/")) {
                String bag = rest.substring(1);
                bag = bag.endsWith("/") ? bag.substring(0, bag.length() - 1) : bag;
                if (!bag.contains("/")) {
                    return new ModuleTopic.Events(PropertyBag.decode(bag));
                }
            }
            return new ModuleTopic.Forbidden(topic);
        }
        Matcher m = TWIN_GET.matcher(topic);
        if (m.matches() && rid(m.group(1)) != null) {
            return new ModuleTopic.TwinGet(rid(m.group(1)));
        }
        m = TWIN_PATCH.matcher(topic);
        if (m.matches() && rid(m.group(1)) != null) {
            return new ModuleTopic.TwinReportedPatch(rid(m.group(1)));
        }
        m = METHOD_RESPONSE.matcher(topic);
        if (m.matches() && rid(m.group(2)) != null) {
            return new ModuleTopic.MethodResponse(Integer.parseInt(m.group(1)), rid(m.group(2)));
        }
        return new ModuleTopic.Forbidden(topic);
    }

    /**
     * @param filter a SUBSCRIBE topic filter
     * @return whether this identity may subscribe to it
     */
    public boolean maySubscribe(String filter) {
        return allowedFilters.contains(filter);
    }

    /**
     * @param filter an allowed topic filter
     * @return whether the filter covers input deliveries
     */
    public boolean coversInputs(String filter) {
        return filter.startsWith(modulePrefix);
    }

    /**
     * @param inputName the module input
     * @param bag the message properties
     * @return the hub → module PUBLISH topic for an input message
     */
    public String inputTopic(String inputName, PropertyBag bag) {
        return modulePrefix + "inputs/" + inputName + "/" + bag.encode();
    }

    /**
     * @param inputName the input
     * @param bag the message's properties
     * @param omitted a system property (edgeHub name) the module does not get, or null
     * @return the topic a message for the input is published on, without {@code omitted}
     */
    public String inputTopic(String inputName, PropertyBag bag, String omitted) {
        return modulePrefix + "inputs/" + inputName + "/" + bag.encodeWithout(omitted);
    }

    /**
     * @param query the part after {@code ?}
     * @return the query parameters, decoded
     */
    public static Map<String, String> query(String query) {
        Map<String, String> result = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(PropertyBag.unescape(pair.substring(0, eq)), PropertyBag.unescape(pair.substring(eq + 1)));
            }
        }
        return result;
    }

    private static String rid(String query) {
        String rid = query(query).get("$rid");
        return rid == null || rid.isEmpty() ? null : rid;
    }
}
