package io.edgestudio.hub.core;

import io.edgestudio.hub.identity.IdentityRegistry;
import io.edgestudio.hub.identity.ModuleIdentity;
import io.edgestudio.hub.identity.SasAuthenticator;
import io.edgestudio.hub.message.HubMessage;
import io.edgestudio.hub.message.SystemProperty;
import io.edgestudio.hub.method.MethodInvoker;
import io.edgestudio.hub.store.MessageStore;
import io.edgestudio.hub.store.QueueEntry;
import io.edgestudio.hub.store.StoredMessage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgestudio.hub.topic.TopicPolicy;
import io.edgestudio.hub.twin.ModuleTwin;
import io.edgestudio.hub.twin.TwinService;
import io.edgestudio.hub.twin.TwinStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol-independent hub: accepts module messages (route, then store durably), keeps module sessions
 * and delivers input queues to connected modules. Protocol heads call it; it knows nothing of MQTT.
 */
public final class EdgeHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeHub.class);
    private static final int UPSTREAM_RECORD = 1000;

    private final HubSettings settings;
    private final IdentityRegistry identities;
    private final MessageStore store;
    private final MessageRouting routing;
    private final Clock clock;
    private final HubMetrics metrics = new HubMetrics();
    private final SasAuthenticator authenticator;
    private final Map<String, ModuleSession> sessions = new ConcurrentHashMap<>();
    private final UpstreamEndpoint upstream;
    private final TwinService twins;
    private final MethodInvoker methods;

    /**
     * @param settings the tunables
     * @param identities the module identities
     * @param store the store-and-forward queues
     * @param routing the route engine
     * @param twinStore where module twins persist
     * @param clock the clock for enqueue times, TTLs and token expiry
     */
    public EdgeHub(HubSettings settings, IdentityRegistry identities, MessageStore store, MessageRouting routing,
            TwinStore twinStore, Clock clock) {
        this(settings, identities, store, routing, twinStore, clock, List.of());
    }

    /**
     * @param settings the tunables
     * @param identities the module identities
     * @param store the store-and-forward queues
     * @param routing the route engine
     * @param twinStore where module twins persist
     * @param clock the clock for enqueue times, TTLs and token expiry
     * @param upstreamListeners called for every message that reaches upstream, from the first one on (also for
     *        messages a previous run left in the store)
     */
    public EdgeHub(HubSettings settings, IdentityRegistry identities, MessageStore store, MessageRouting routing,
            TwinStore twinStore, Clock clock, List<Consumer<StoredMessage>> upstreamListeners) {
        this.settings = settings;
        this.identities = identities;
        this.store = store;
        this.routing = routing;
        this.clock = clock;
        this.authenticator = new SasAuthenticator(identities, settings.hubHostName(), clock);
        this.twins = new TwinService(twinStore, this::pushDesiredPatch);
        this.methods = new MethodInvoker(module -> listeningLink(module, TopicPolicy.METHOD_REQUESTS));
        this.upstream = new UpstreamEndpoint(store, metrics, UPSTREAM_RECORD, clock::millis);
        upstreamListeners.forEach(upstream::addListener);
        upstream.wake();
    }

    /** @return the module twins */
    public TwinService twins() {
        return twins;
    }

    /** @return the direct-method invoker */
    public MethodInvoker methods() {
        return methods;
    }

    private ModuleLink listeningLink(String module, String filter) {
        return findSession(module).filter(s -> s.isSubscribed(filter)).map(ModuleSession::link).orElse(null);
    }

    private void pushDesiredPatch(String module, ObjectNode patch) {
        ModuleLink link = listeningLink(module, TopicPolicy.DESIRED_PATCHES);
        if (link != null) {
            link.send("$iothub/twin/PATCH/properties/desired/?$version=" + patch.path(ModuleTwin.VERSION).asLong(),
                    patch.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return the {@code $upstream} endpoint (recording sink and offline switch) */
    public UpstreamEndpoint upstream() {
        return upstream;
    }

    /** @return the SAS authenticator for this hub's identities */
    public SasAuthenticator authenticator() {
        return authenticator;
    }

    /** @return the counters */
    public HubMetrics metrics() {
        return metrics;
    }

    /** @return the store */
    public MessageStore store() {
        return store;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /**
     * Attaches a connection to the identity's session, closing any previous connection of the same identity.
     *
     * @param identity the authenticated identity
     * @param link the new connection
     * @param cleanSession whether to forget the session's subscriptions
     * @return the session
     */
    public ModuleSession connect(ModuleIdentity identity, ModuleLink link, boolean cleanSession) {
        ModuleSession session = session(identity);
        ModuleLink previous = session.attach(link, cleanSession);
        if (previous != null) {
            LOG.info("{} connected again; closing its previous connection", identity.id());
            previous.close();
        }
        return session;
    }

    /**
     * @param session the session
     * @param link the connection that closed
     */
    public void disconnect(ModuleSession session, ModuleLink link) {
        session.detach(link);
    }

    /**
     * Accepts a message a module sent: stamps its connection identity, routes it and stores it in every
     * target queue. When this returns normally the message is durable and may be acknowledged.
     *
     * @param from the sending module
     * @param message the message as sent
     * @return how many queues it went to
     */
    public int acceptFromModule(ModuleIdentity from, HubMessage message) {
        return acceptFromModule(from, List.of(message));
    }

    /**
     * Accepts messages a module sent, in order, with one durable store write for all of them (group commit):
     * when this returns normally every one of them is durable and may be acknowledged; when it throws, none is.
     *
     * @param from the sending module
     * @param messages the messages as sent
     * @return how many queue entries they made
     */
    public int acceptFromModule(ModuleIdentity from, List<HubMessage> messages) {
        List<RoutedMessage> routed = new ArrayList<>(messages.size());
        Map<SystemProperty, String> connection = new java.util.EnumMap<>(SystemProperty.class);
        connection.put(SystemProperty.CONNECTION_DEVICE_ID, from.deviceId());
        connection.put(SystemProperty.CONNECTION_MODULE_ID, from.moduleId());
        for (HubMessage message : messages) {
            HubMessage stamped = message.withSystemProperties(connection);
            List<RouteTarget> targets = routing.route(stamped);
            if (targets.isEmpty()) {
                metrics.add(HubMetrics.DROPPED, "no_route", 1);
            }
            targets.forEach(target -> metrics.add(HubMetrics.ROUTED, target.routeName(), 1));
            routed.add(new RoutedMessage(stamped, targets));
        }
        metrics.add(HubMetrics.RECEIVED, from.moduleId(), messages.size());
        return enqueue(routed);
    }

    /**
     * Puts a message straight into a module input queue (management API, tests).
     *
     * @param module the receiving module
     * @param input its input
     * @param message the message
     * @param priority the queue priority
     */
    public void sendToInput(String module, String input, HubMessage message, int priority) {
        enqueue(List.of(new RoutedMessage(message,
                List.of(new RouteTarget(new QueueName(QueueName.moduleInput(module, input), priority), 0, "")))));
    }

    /** A message and the queues it goes to. */
    private record RoutedMessage(HubMessage message, List<RouteTarget> targets) {
    }

    /** Stores every copy in one append, then hands each module its copies and wakes upstream. */
    private int enqueue(List<RoutedMessage> messages) {
        List<QueueEntry> entries = new ArrayList<>();
        List<QueueName> queues = new ArrayList<>();
        for (RoutedMessage routed : messages) {
            for (RouteTarget target : routed.targets()) {
                entries.add(new QueueEntry(target.queue().format(), routed.message(),
                        expiry(routed.message(), target.timeToLiveSecs())));
                queues.add(target.queue());
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        List<StoredMessage> stored = store.append(entries);
        Map<QueueName, Optional<String>> modules = new HashMap<>();
        Map<String, List<StoredMessage>> byModule = new HashMap<>();
        boolean toUpstream = false;
        for (int i = 0; i < stored.size(); i++) {
            QueueName queue = queues.get(i);
            Optional<String> module = modules.computeIfAbsent(queue, QueueName::module);
            if (module.isPresent()) {
                byModule.computeIfAbsent(module.get(), m -> new ArrayList<>()).add(stored.get(i));
            }
            toUpstream |= queue.endpoint().equals(QueueName.UPSTREAM);
        }
        byModule.forEach((module, copies) -> Optional.ofNullable(sessions.get(module))
                .ifPresent(s -> s.inputs().offer(copies)));
        if (toUpstream) {
            upstream.wake();
        }
        LOG.debug("Stored {} message copies", stored.size());
        return stored.size();
    }

    private long expiry(HubMessage message, long routeTtlSecs) {
        long ttl = routeTtlSecs > 0 ? routeTtlSecs : settings.timeToLiveSecs();
        return ttl < 0 ? Long.MAX_VALUE : message.enqueuedTime().toEpochMilli() + ttl * 1000;
    }

    /**
     * One maintenance round: gives up in-flight messages older than the timeout and removes expired
     * messages from the store (the cleanup pass), counting both as dropped.
     */
    public void runMaintenance() {
        sessions.values().forEach(s -> s.inputs().expireInflight());
        store.removeExpired(clock.millis()).forEach((queue, count) -> {
            LOG.info("Removed {} expired messages from {}", count, queue);
            metrics.add(HubMetrics.DROPPED, "ttl_expiry", count);
        });
    }

    /**
     * @param module a module id
     * @return its session, if it ever connected
     */
    public Optional<ModuleSession> findSession(String module) {
        return Optional.ofNullable(sessions.get(module));
    }

    private ModuleSession session(ModuleIdentity identity) {
        return sessions.computeIfAbsent(identity.moduleId(), m -> new ModuleSession(identity,
                new InputDispatcher(m, store, metrics, settings, System::nanoTime, clock::millis)));
    }

    /** @return the identities */
    public IdentityRegistry identities() {
        return identities;
    }

    /** Stops the upstream endpoint; the store is closed by its owner. */
    @Override
    public void close() {
        upstream.close();
    }
}
