package io.edgestudio.hub.core;

import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.topic.TopicPolicy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MQTT session of one module identity: its subscriptions survive reconnects unless the client asks for
 * a clean session. At most one link is attached at a time.
 */
public final class ModuleSession {

    private final ModuleIdentity identity;
    private final TopicPolicy topics;
    private final InputDispatcher inputs;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile ModuleLink link;

    ModuleSession(ModuleIdentity identity, InputDispatcher inputs) {
        this.identity = identity;
        this.topics = new TopicPolicy(identity.deviceId(), identity.moduleId());
        this.inputs = inputs;
    }

    /** @return the identity */
    public ModuleIdentity identity() {
        return identity;
    }

    /** @return the identity's topic rules */
    public TopicPolicy topics() {
        return topics;
    }

    /** @return the dispatcher of the module's input queues */
    public InputDispatcher inputs() {
        return inputs;
    }

    /** @return the attached link, or null */
    public ModuleLink link() {
        return link;
    }

    /**
     * Records a subscription the policy allows; subscribing to inputs starts delivery.
     *
     * @param filter the topic filter
     * @return whether it was allowed
     */
    public boolean subscribe(String filter) {
        if (!topics.maySubscribe(filter)) {
            return false;
        }
        subscriptions.add(filter);
        if (topics.coversInputs(filter) && link != null) {
            inputs.attach(link);
        }
        return true;
    }

    /** @param filter a topic filter to remove */
    public void unsubscribe(String filter) {
        subscriptions.remove(filter);
        if (topics.coversInputs(filter) && subscriptions.stream().noneMatch(topics::coversInputs)) {
            inputs.detach(link);
        }
    }

    /**
     * @param filter a topic filter
     * @return whether the session holds it
     */
    public boolean isSubscribed(String filter) {
        return subscriptions.contains(filter);
    }

    synchronized ModuleLink attach(ModuleLink newLink, boolean cleanSession) {
        ModuleLink previous = link;
        if (previous != null) {
            inputs.detach(previous);
        }
        if (cleanSession) {
            subscriptions.clear();
        }
        link = newLink;
        if (subscriptions.stream().anyMatch(topics::coversInputs)) {
            inputs.attach(newLink);
        }
        return previous;
    }

    synchronized boolean detach(ModuleLink oldLink) {
        if (link != oldLink) {
            return false;
        }
        inputs.detach(oldLink);
        link = null;
        return true;
    }
}
