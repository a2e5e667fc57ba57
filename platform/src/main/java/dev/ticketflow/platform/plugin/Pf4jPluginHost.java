package dev.ticketflow.platform.plugin;

import static dev.ticketflow.platform.plugin.internal.PluginLifecycle.idOf;

import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.PluginDispatcher;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import dev.ticketflow.platform.plugin.internal.FileStamp;
import dev.ticketflow.platform.plugin.internal.FolderWatch;
import dev.ticketflow.platform.plugin.internal.HostServices;
import dev.ticketflow.platform.plugin.internal.OperationQueue;
import dev.ticketflow.platform.plugin.internal.PluginFileCache;
import dev.ticketflow.platform.plugin.internal.PluginFileLoader;
import dev.ticketflow.platform.plugin.internal.PluginFolder;
import dev.ticketflow.platform.plugin.internal.PluginLifecycle;
import dev.ticketflow.platform.plugin.internal.PluginSlot;
import dev.ticketflow.platform.plugin.internal.SharedThreadsWarmUp;
import dev.ticketflow.platform.plugin.internal.SystemVersion;
import dev.ticketflow.platform.plugin.internal.TicketflowPluginManager;
import dev.ticketflow.platform.port.internal.HelpDeskProviderSlot;
import dev.ticketflow.platform.port.internal.PortServices;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PF4J plugin host. At start it loads every {@code .jar}/{@code .zip} of the plugins folder
 * (from private copies in the data folder), then polls the folder: a new file is loaded and
 * started once its size and time stopped changing, a removed one is stopped after its in-flight
 * deliveries and unloaded, a replaced one is reloaded the same way. A plugin that cannot be
 * loaded or started is kept as {@code FAILED} with its reason and never stops anything else.
 *
 * <p>All changes go through one {@link OperationQueue}, so scans and admin actions never
 * interleave; how a single plugin is loaded, started and stopped is {@link PluginLifecycle}'s.
 */
public final class Pf4jPluginHost implements PluginHost {

    private static final Logger LOG = LoggerFactory.getLogger(Pf4jPluginHost.class);

    private final Vertx vertx;
    private final TicketflowConfig config;
    private final PluginFileCache cache;
    private final PluginLifecycle lifecycle;
    private final Map<String, PluginSlot> slots = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final OperationQueue operations = new OperationQueue();
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    private final FolderWatch watch;
    private volatile long scanTimer = -1;
    private volatile boolean closed;

    public Pf4jPluginHost(Vertx vertx, TicketflowConfig config, PluginDispatcher dispatcher, Intake intake,
            Router router, PlatformMetrics metrics, PortServices ports) {
        this.vertx = vertx;
        this.config = config;
        this.cache = new PluginFileCache(config.dataDir().resolve("plugin-cache"));
        HostServices services = new HostServices(vertx, intake, dispatcher, router, new HelpDeskProviderSlot(),
                config.handlerTimeout(), config.dataDir().resolve("plugin-data"), ports);
        PluginFileLoader loader = new PluginFileLoader(new TicketflowPluginManager(cache.dir(), SystemVersion.get()),
                cache, config::pluginConfig);
        this.lifecycle = new PluginLifecycle(services, config, loader);
        this.disabled.addAll(config.disabledPlugins());
        this.watch = new FolderWatch(scanInterval(), System::nanoTime);
        for (String state : List.of(PluginSlot.STARTED, PluginSlot.DISABLED, PluginSlot.FAILED)) {
            Gauge.builder("ticketflow.plugins", () -> slots.values().stream().filter(s -> s.state().equals(state)).count())
                    .description("Plugins in the plugins folder, by state")
                    .tag("state", state)
                    .register(metrics.registry());
        }
    }

    @Override
    public Future<Void> start() {
        SharedThreadsWarmUp.startAll(vertx);
        return operations.submit(() -> blocking(() -> {
            cache.reset();
            Files.createDirectories(config.pluginsDir());
            return PluginFolder.list(config.pluginsDir());
        }).compose(listing -> {
            watch.observe(listing);
            List<Supplier<Future<Void>>> loads = new ArrayList<>();
            listing.forEach((fileName, stamp) -> loads.add(() -> add(fileName, stamp)));
            return sequence(loads);
        })).onSuccess(loaded -> {
            long interval = scanInterval().toMillis();
            scanTimer = vertx.setPeriodic(interval, timer -> scanSoon());
            LOG.info("Plugins loaded from {}: {}; watching for changes every {} ms", config.pluginsDir(),
                    plugins().stream().map(info -> info.id() + "=" + info.state()).toList(), interval);
        });
    }

    @Override
    public List<PluginInfo> plugins() {
        return slots.values().stream().map(PluginSlot::info)
                .sorted(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::file)).toList();
    }

    @Override
    public Future<PluginInfo> enable(String pluginId) {
        return operations.submit(() -> {
            PluginSlot slot = find(pluginId);
            disabled.remove(idOf(slot));
            if (PluginSlot.STARTED.equals(slot.state())) {
                return Future.succeededFuture(slot.info());
            }
            // a loaded plugin is started; one that failed is given another chance from its file
            Future<Void> started = slot.loaded() ? lifecycle.start(slot) : reloadFromFile(slot, slot.stamp());
            return started.map(done -> infoOf(slot.fileName()));
        });
    }

    @Override
    public Future<PluginInfo> disable(String pluginId) {
        return operations.submit(() -> {
            PluginSlot slot = find(pluginId);
            disabled.add(idOf(slot));
            if (!PluginSlot.STARTED.equals(slot.state())) {
                return Future.succeededFuture(slot.info());
            }
            LOG.info("Disabling plugin '{}'", idOf(slot));
            return lifecycle.stop(slot, PluginSlot.DISABLED).map(stopped -> slot.info());
        });
    }

    @Override
    public Future<PluginInfo> reload(String pluginId) {
        return operations.submit(() -> {
            PluginSlot slot = find(pluginId);
            LOG.info("Reloading plugin '{}' from {}", idOf(slot), slot.fileName());
            return reloadFromFile(slot, slot.stamp()).map(done -> infoOf(slot.fileName()));
        });
    }

    @Override
    public Future<Void> close() {
        closed = true;
        if (scanTimer >= 0) {
            vertx.cancelTimer(scanTimer);
        }
        return operations.submit(() -> Future.join(slots.values().stream()
                        .map(slot -> lifecycle.unload(slot).onComplete(unloaded -> slots.remove(slot.fileName(), slot)))
                        .toList())
                .<Void>mapEmpty()
                .recover(failure -> Future.succeededFuture()));
    }

    private void scanSoon() {
        // one scan at a time: a slow unload (draining a hanging plugin) must not pile scans up
        if (closed || !scanQueued.compareAndSet(false, true)) {
            return;
        }
        operations.submit(this::scan).onComplete(scanned -> {
            scanQueued.set(false);
            if (scanned.failed()) {
                LOG.warn("Scanning the plugins folder {} failed: {}", config.pluginsDir(), scanned.cause().toString());
            }
        });
    }

    private Future<Void> scan() {
        if (closed) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            lifecycle.scrubThreads();
            return PluginFolder.list(config.pluginsDir());
        }).compose(listing -> {
            Map<String, FileStamp> settled = watch.observe(listing);
            List<Supplier<Future<Void>>> changes = new ArrayList<>();
            for (PluginSlot slot : List.copyOf(slots.values())) {
                if (!listing.containsKey(slot.fileName())) {
                    changes.add(() -> remove(slot));
                }
            }
            settled.forEach((fileName, stamp) -> {
                PluginSlot slot = slots.get(fileName);
                if (slot == null) {
                    changes.add(() -> add(fileName, stamp));
                } else if (!stamp.equals(slot.stamp())) {
                    changes.add(() -> reloadIfChanged(slot, stamp));
                }
            });
            return sequence(changes);
        });
    }

    private Future<Void> add(String fileName, FileStamp stamp) {
        PluginSlot slot = new PluginSlot(fileName, stamp);
        slots.put(fileName, slot);
        return lifecycle.load(slot, config.pluginsDir().resolve(fileName),
                id -> slots.values().stream().anyMatch(other -> other != slot && other.loaded() && id.equals(other.pluginId())),
                disabled::contains);
    }

    private Future<Void> reloadIfChanged(PluginSlot slot, FileStamp stamp) {
        return blocking(() -> PluginFileCache.sha256(config.pluginsDir().resolve(slot.fileName()))).compose(sha256 -> {
            if (sha256.equals(slot.sha256())) {
                slot.stamp(stamp); // touched, same content
                return Future.succeededFuture();
            }
            LOG.info("Plugin file {} was replaced; reloading plugin '{}'", slot.fileName(), idOf(slot));
            return reloadFromFile(slot, stamp);
        });
    }

    private Future<Void> reloadFromFile(PluginSlot slot, FileStamp stamp) {
        return lifecycle.unload(slot).compose(unloaded -> add(slot.fileName(), stamp));
    }

    private Future<Void> remove(PluginSlot slot) {
        LOG.info("Plugin file {} was removed; unloading plugin '{}'", slot.fileName(), idOf(slot));
        return lifecycle.unload(slot).onComplete(unloaded -> slots.remove(slot.fileName(), slot));
    }

    /** The slot of a plugin id (preferring the loaded one of duplicates), or of a file name. */
    private PluginSlot find(String pluginId) {
        return slots.values().stream()
                .filter(slot -> pluginId.equals(slot.pluginId()))
                .max(Comparator.comparing(PluginSlot::loaded))
                .or(() -> Optional.ofNullable(slots.get(pluginId)))
                .orElseThrow(() -> new UnknownPluginException(pluginId));
    }

    private PluginInfo infoOf(String fileName) {
        PluginSlot slot = slots.get(fileName);
        if (slot == null) {
            throw new UnknownPluginException(fileName);
        }
        return slot.info();
    }

    private Duration scanInterval() {
        Duration floor = Duration.ofMillis(50);
        return config.pluginScanInterval().compareTo(floor) > 0 ? config.pluginScanInterval() : floor;
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private static Future<Void> sequence(List<Supplier<Future<Void>>> steps) {
        Future<Void> chain = Future.succeededFuture();
        for (Supplier<Future<Void>> step : steps) {
            chain = chain.compose(previous -> step.get().recover(failure -> {
                LOG.error("Plugin host step failed", failure);
                return Future.succeededFuture();
            }));
        }
        return chain;
    }
}
