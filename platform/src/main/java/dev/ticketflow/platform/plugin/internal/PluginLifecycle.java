package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one plugin file goes through its states: loaded (PF4J), started (verticle and
 * deliveries), stopped, unloaded, or failed with a reason. Every failure ends in the slot's state
 * and the log, never in a failed future, so a broken plugin cannot stop its caller. Blocking
 * steps run in {@code executeBlocking}.
 *
 * <p>Called from the host's serialized operations only.
 */
public final class PluginLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLifecycle.class);
    private static final Duration MIN_LIFECYCLE_BOUND = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final TicketflowConfig config;
    private final HostServices services;
    private final PluginFileLoader loader;
    private final AtomicLong generations = new AtomicLong();

    public PluginLifecycle(HostServices services, TicketflowConfig config, PluginFileLoader loader) {
        this.vertx = services.vertx();
        this.config = config;
        this.services = services;
        this.loader = loader;
    }

    /**
     * Loads a plugin file and, unless it is disabled, starts it.
     *
     * @param idTaken whether another file already holds a plugin id
     * @param disabled whether a plugin id is disabled
     * @return completes when the slot is STARTED, DISABLED or FAILED
     */
    public Future<Void> load(PluginSlot slot, Path source, Predicate<String> idTaken, Predicate<String> disabled) {
        return run(() -> loader.load(slot, source, idTaken)).compose(loaded -> {
            if (disabled.test(slot.pluginId())) {
                slot.stopped(PluginSlot.DISABLED);
                LOG.info("Plugin '{}' loaded from {} but not started: it is disabled", slot.pluginId(), slot.fileName());
                return Future.<Void>succeededFuture();
            }
            return startLoaded(slot);
        }).recover(failure -> fail(slot, failure));
    }

    /** Starts a loaded (disabled) plugin; FAILED and unloaded when it does not start. */
    public Future<Void> start(PluginSlot slot) {
        return startLoaded(slot).recover(failure -> fail(slot, failure));
    }

    /** Stops a started plugin after its in-flight deliveries; it stays loaded, in {@code nextState}. */
    public Future<Void> stop(PluginSlot slot, String nextState) {
        PluginRuntime runtime = slot.runtime();
        if (runtime == null) {
            return Future.succeededFuture();
        }
        Duration drainBound = config.handlerTimeout().plusSeconds(1);
        return runtime.stop(drainBound, lifecycleBound())
                .compose(stopped -> run(() -> loader.stop(slot)))
                .onComplete(stopped -> {
                    slot.stopped(nextState);
                    LOG.info("Plugin '{}' stopped", idOf(slot));
                });
    }

    /** Stops the plugin if started and releases it: PF4J unload (class loader closed), cached copy deleted. */
    public Future<Void> unload(PluginSlot slot) {
        // the class loader is released even when the plugin did not stop cleanly
        return stop(slot, slot.state())
                .recover(failure -> {
                    LOG.warn("Stopping plugin '{}' failed: {}", idOf(slot), failure.toString());
                    return Future.succeededFuture();
                })
                .compose(stopped -> run(() -> loader.unload(slot)))
                .recover(failure -> {
                    LOG.warn("Unloading plugin '{}' failed: {}", idOf(slot), failure.toString());
                    return Future.succeededFuture();
                });
    }

    /** Takes unloaded plugins' class loaders out of long-lived threads; blocking. */
    public void scrubThreads() {
        loader.scrubThreads();
    }

    private Future<Void> startLoaded(PluginSlot slot) {
        String id = slot.pluginId();
        return blocking(() -> loader.instantiate(slot))
                .compose(plugin -> PluginRuntime.start(services, slot.descriptor(), plugin, loader.classLoader(slot),
                        config.pluginConfig(id), generations.incrementAndGet(), lifecycleBound()))
                .map(runtime -> {
                    slot.started(runtime);
                    LOG.info("Plugin '{}' {} started from {} (subscribes to {}, permissions {})", id,
                            slot.descriptor().getVersion(), slot.fileName(), slot.descriptor().subscriptions(),
                            slot.descriptor().permissions());
                    return null;
                });
    }

    private Future<Void> fail(PluginSlot slot, Throwable failure) {
        boolean expected = failure instanceof BrokenPluginException || failure instanceof PluginStepException;
        String reason = expected ? failure.getMessage() : "plugin file " + slot.fileName() + ": " + failure;
        slot.failed(reason);
        if (expected) {
            // the reason says it all; the stack only helps when the plugin's own code threw
            LOG.error("Plugin '{}' FAILED ({}): {}", idOf(slot), slot.fileName(), reason,
                    failure.getCause() instanceof RuntimeException ? failure.getCause() : null);
        } else {
            LOG.error("Plugin '{}' FAILED ({})", idOf(slot), slot.fileName(), failure);
        }
        return run(() -> loader.unload(slot)).recover(ignored -> Future.succeededFuture());
    }

    /** The plugin id, or the file name when the descriptor could not be read. */
    public static String idOf(PluginSlot slot) {
        return slot.pluginId() != null ? slot.pluginId() : slot.fileName();
    }

    private Duration lifecycleBound() {
        return config.handlerTimeout().compareTo(MIN_LIFECYCLE_BOUND) > 0 ? config.handlerTimeout() : MIN_LIFECYCLE_BOUND;
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private Future<Void> run(BlockingStep step) {
        return vertx.executeBlocking(() -> {
            step.run();
            return null;
        }, false);
    }

    @FunctionalInterface
    private interface BlockingStep {
        void run() throws Exception;
    }
}
