package io.edgestudio.agent;

import io.edgestudio.hub.management.ModuleRuntime;
import io.edgestudio.hub.management.ModuleRuntimeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs modules the way edgeAgent does: in {@code startupOrder}, restarted per their restart policy with an
 * exponential back-off, stopped gracefully then forcibly. Status per module: {@code running}, {@code backoff}
 * (waiting to restart), {@code stopped} (desired stopped, or exited with 0 and not restarted), {@code failed}
 * (exited with another code and not restarted, or could not be started), {@code external} (run by someone
 * else). The management API's start, stop and restart actions land here.
 */
public final class ModuleSupervisor implements ModuleRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleSupervisor.class);

    private final ModuleBackend backend;
    private final ModuleOutput output;
    private final ModuleStatusListener listener;
    private final RestartBackoff backoff;
    private final Duration stopTimeout;
    private final Clock clock;
    private final Map<String, SupervisedModule> modules = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
        Thread thread = new Thread(r, "edge-agent");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param backend where modules run
     * @param output receives the modules' output
     * @param listener told of status changes
     * @param backoff the restart back-off
     * @param stopTimeout how long a graceful stop may take before the module is killed
     */
    public ModuleSupervisor(ModuleBackend backend, ModuleOutput output, ModuleStatusListener listener,
            RestartBackoff backoff, Duration stopTimeout) {
        this.backend = backend;
        this.output = output;
        this.listener = listener;
        this.backoff = backoff;
        this.stopTimeout = stopTimeout;
        this.clock = Clock.systemUTC();
    }

    /**
     * Adds a module; call before {@link #startAll()}.
     *
     * @param launch how to start it
     * @param external whether someone else runs it (it is then never started here)
     */
    public synchronized void add(ModuleLaunch launch, boolean external) {
        boolean running = !"stopped".equals(launch.spec().status());
        SupervisedModule module = new SupervisedModule(launch, RestartPolicy.of(launch.spec().restartPolicy()),
                external, running);
        if (external) {
            module.status = "external";
            module.description = "run outside the agent";
        } else if (!running) {
            module.status = "stopped";
            module.description = "desired status is stopped";
        }
        modules.put(launch.module(), module);
    }

    /** Starts every module whose desired status is running, one after the other in {@code startupOrder}. */
    public void startAll() {
        List<SupervisedModule> ordered;
        synchronized (this) {
            ordered = new ArrayList<>(modules.values());
        }
        ordered.sort(Comparator.comparingLong(m -> m.launch.spec().startupOrder()));
        for (SupervisedModule module : ordered) {
            ModuleRuntimeStatus changed = null;
            synchronized (module) {
                if (!module.external && module.desiredRunning && module.handle == null) {
                    changed = launch(module);
                }
            }
            tell(module, changed);
        }
    }

    @Override
    public Optional<ModuleRuntimeStatus> status(String name) {
        SupervisedModule module = find(name);
        if (module == null) {
            return Optional.empty();
        }
        synchronized (module) {
            return Optional.of(module.snapshot());
        }
    }

    /** @return every module's status, in manifest order */
    public synchronized Map<String, ModuleRuntimeStatus> statuses() {
        Map<String, ModuleRuntimeStatus> all = new LinkedHashMap<>();
        modules.forEach((name, module) -> all.put(name, status(name).orElseThrow()));
        return all;
    }

    @Override
    public void start(String name) {
        SupervisedModule module = managed(name);
        scheduler.execute(() -> {
            ModuleRuntimeStatus changed = null;
            synchronized (module) {
                module.desiredRunning = true;
                if (module.handle == null) {
                    module.cancelPendingRestart();
                    module.restartCount = 0;
                    changed = launch(module);
                }
            }
            tell(module, changed);
        });
    }

    @Override
    public void stop(String name) {
        SupervisedModule module = managed(name);
        ModuleHandle running;
        ModuleRuntimeStatus changed = null;
        synchronized (module) {
            module.desiredRunning = false;
            module.restartWhenExited = false;
            module.cancelPendingRestart();
            running = module.handle;
            if (running == null && !module.status.equals("stopped")) {
                module.status = "stopped";
                module.description = "stopped on request";
                changed = module.snapshot();
            }
        }
        tell(module, changed);
        if (running != null) {
            Thread.ofVirtual().name("stop-" + name).start(() -> running.stop(stopTimeout));
        }
    }

    @Override
    public void restart(String name) {
        SupervisedModule module = managed(name);
        ModuleHandle running;
        synchronized (module) {
            module.desiredRunning = true;
            module.cancelPendingRestart();
            module.restartCount = 0;
            running = module.handle;
            module.restartWhenExited = running != null;
        }
        if (running != null) {
            Thread.ofVirtual().name("restart-" + name).start(() -> running.stop(stopTimeout));
        } else {
            start(name);
        }
    }

    private SupervisedModule managed(String name) {
        SupervisedModule module = find(name);
        if (module == null) {
            throw new IllegalStateException("module " + name + " is not in the deployment");
        }
        if (module.external) {
            throw new IllegalStateException("module " + name + " runs outside the agent (external)");
        }
        return module;
    }

    private synchronized SupervisedModule find(String name) {
        return modules.get(name);
    }

    /** Starts one run; the caller holds the module's monitor. */
    private ModuleRuntimeStatus launch(SupervisedModule module) {
        module.pendingRestart = null;
        long run = ++module.run;
        try {
            ModuleHandle handle = backend.start(module.launch, output);
            module.handle = handle;
            module.lastStart = clock.instant();
            module.status = "running";
            module.description = "started by the " + backend.name(module.name()) + " backend as " + handle.id();
            handle.exit().whenComplete((code, error) -> exited(module, run, code == null ? -1 : code));
        } catch (ModuleStartException | RuntimeException e) {
            LOG.warn("Module {} not started: {}", module.name(), e.getMessage());
            module.status = "failed";
            module.description = e.getMessage();
        }
        return module.snapshot();
    }

    private void exited(SupervisedModule module, long run, int code) {
        ModuleRuntimeStatus changed;
        synchronized (module) {
            if (run != module.run) {
                return;
            }
            Instant now = clock.instant();
            boolean ranLong = module.lastStart != null
                    && Duration.between(module.lastStart, now).compareTo(backoff.resetAfter()) >= 0;
            module.handle = null;
            module.exitCode = code;
            module.lastExit = now;
            if (ranLong) {
                module.restartCount = 0;
            }
            if (module.restartWhenExited) {
                module.restartWhenExited = false;
                changed = launch(module);
            } else if (!module.desiredRunning) {
                module.status = "stopped";
                module.description = "stopped on request (exit code " + code + ")";
                changed = module.snapshot();
            } else if (module.policy.restarts(code)) {
                Duration delay = backoff.delay(module.restartCount);
                module.status = "backoff";
                module.description = "exited with " + code + "; restart policy " + module.policy.manifestValue()
                        + " restarts it in " + delay.toMillis() + " ms";
                module.pendingRestart = scheduler.schedule(() -> restartAfterBackoff(module, run + 1),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
                changed = module.snapshot();
            } else {
                module.status = code == 0 ? "stopped" : "failed";
                module.description = "exited with " + code + "; restart policy " + module.policy.manifestValue();
                changed = module.snapshot();
            }
        }
        tell(module, changed);
    }

    private void restartAfterBackoff(SupervisedModule module, long expectedRun) {
        ModuleRuntimeStatus changed = null;
        synchronized (module) {
            if (module.desiredRunning && module.handle == null && module.run + 1 == expectedRun) {
                module.restartCount++;
                changed = launch(module);
            }
        }
        tell(module, changed);
    }

    private void tell(SupervisedModule module, ModuleRuntimeStatus status) {
        if (status == null) {
            return;
        }
        LOG.debug("Module {}: {} ({})", module.name(), status.runtimeStatus(), status.statusDescription());
        try {
            listener.changed(module.name(), status);
        } catch (RuntimeException e) {
            LOG.warn("Status listener failed for module {}", module.name(), e);
        }
    }

    /** Stops every module (all at once, each gracefully then forcibly) and waits until they have ended. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        List<SupervisedModule> all;
        synchronized (this) {
            all = new ArrayList<>(modules.values());
        }
        for (SupervisedModule module : all.reversed()) {
            ModuleHandle running;
            synchronized (module) {
                module.desiredRunning = false;
                module.restartWhenExited = false;
                module.cancelPendingRestart();
                running = module.handle;
            }
            if (running != null) {
                stops.add(CompletableFuture.runAsync(() -> running.stop(stopTimeout),
                        r -> Thread.ofVirtual().name("stop-" + module.name()).start(r)));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        scheduler.shutdownNow();
    }
}
