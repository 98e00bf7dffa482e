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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
        HubMessage stamped = message.withSystemProperty(SystemProperty.CONNECTION_DEVICE_ID, from.deviceId())
                .withSystemProperty(SystemProperty.CONNECTION_MODULE_ID, from.moduleId());
        metrics.add(HubMetrics.RECEIVED, from.moduleId(), 1);
        List<RouteTarget> targets = routing.route(stamped);
        if (targets.isEmpty()) {
            metrics.add(HubMetrics.DROPPED, "no_route", 1);
        }
        targets.forEach(target -> metrics.add(HubMetrics.ROUTED, target.routeName(), 1));
        enqueue(stamped, targets);
        return targets.size();
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
        enqueue(message, List.of(new RouteTarget(new QueueName(QueueName.moduleInput(module, input), priority), 0, "")));
    }

    private void enqueue(HubMessage message, List<RouteTarget> targets) {
        List<QueueEntry> entries = new ArrayList<>(targets.size());
        for (RouteTarget target : targets) {
            entries.add(new QueueEntry(target.queue().format(), message, expiry(message, target.timeToLiveSecs())));
        }
        if (entries.isEmpty()) {
            return;
        }
        List<StoredMessage> stored = store.append(entries);
        Set<String> modules = targets.stream().map(t -> t.queue().module()).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        modules.forEach(module -> Optional.ofNullable(sessions.get(module)).ifPresent(s -> s.inputs().wake()));
        if (targets.stream().anyMatch(t -> t.queue().endpoint().equals(QueueName.UPSTREAM))) {
            upstream.wake();
        }
        LOG.debug("Stored {} copies of a message", stored.size());
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
