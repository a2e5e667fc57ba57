package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started plugin: its verticle, its context and its deliveries. Created by {@link #start} once
 * the plugin's {@code register} and {@code onStart} succeeded; {@link #stop} takes it down in the
 * order that loses nothing: routes off, deliveries drained, verticle undeployed ({@code onStop}),
 * ports released.
 */
public final class PluginRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRuntime.class);
    private static final int WORKER_POOL_SIZE = 2;

    private final HostServices services;
    private final String pluginId;
    private final String deploymentId;
    private final DefaultPluginContext context;
    private final PluginDeliveries deliveries;

    private PluginRuntime(HostServices services, String pluginId, String deploymentId, DefaultPluginContext context,
            PluginDeliveries deliveries) {
        this.services = services;
        this.pluginId = pluginId;
        this.deploymentId = deploymentId;
        this.context = context;
        this.deliveries = deliveries;
    }

    /**
     * Deploys the plugin's verticle on its own worker pool with its class loader, then attaches it
     * to the dispatcher.
     *
     * @param generation distinguishes this run's worker pool from an earlier run's that may still
     *     be winding down (a blocked thread)
     * @param startBound how long register and onStart may take together
     * @return the runtime, or a failure whose message says which step failed and why
     */
    public static Future<PluginRuntime> start(HostServices services, TicketflowPluginDescriptor descriptor,
            TicketflowPlugin plugin, ClassLoader classLoader, JsonObject config, long generation, Duration startBound) {
        String pluginId = descriptor.getPluginId();
        DefaultPluginContext context = new DefaultPluginContext(services, descriptor, config);
        DeploymentOptions options = new DeploymentOptions()
                .setThreadingModel(ThreadingModel.WORKER)
                .setWorkerPoolName("ticketflow-plugin-" + pluginId + "-" + generation)
                .setWorkerPoolSize(WORKER_POOL_SIZE)
                .setClassLoader(classLoader);
        Future<String> deployment = services.vertx().deployVerticle(new PluginVerticle(plugin, context), options);
        return deployment
                .timeout(Math.max(1, startBound.toMillis()), TimeUnit.MILLISECONDS)
                .recover(failure -> {
                    Throwable reason = failure;
                    if (!deployment.isComplete()) {
                        reason = new PluginStepException(pluginId, "register/onStart", new TimeoutException(
                                "did not complete within " + startBound.toMillis() + " ms"));
                        // should it finish after all, take it down again
                        deployment.onSuccess(late -> services.vertx().undeploy(late));
                    }
                    Throwable failed = reason;
                    context.stopProvidingHelpDesk();
                    return context.close().transform(closed -> Future.failedFuture(failed));
                })
                .compose(deploymentId -> services.dispatcher().attach(pluginId, descriptor.subscriptions())
                        .map(deliveries -> {
                            // its timers fire from now on, including those that fell due while it was stopped
                            services.ports().timers().activate(pluginId);
                            if (context.dryRun()) {
                                LOG.info("Plugin '{}' is in dry run: its help-desk writes and mails are recorded"
                                        + " in the ticket timeline, not sent", pluginId);
                            }
                            return new PluginRuntime(services, pluginId, deploymentId, context, deliveries);
                        }));
    }

    public PluginDeliveries deliveries() {
        return deliveries;
    }

    /**
     * Stops the plugin after its in-flight deliveries (at most {@code drainBound}) and its
     * {@code onStop} (at most {@code stopBound}). Never fails: a plugin that does not stop in time
     * is logged and left behind.
     *
     * @return completes when stopped
     */
    public Future<Void> stop(Duration drainBound, Duration stopBound) {
        context.unmountRoutes();
        services.ports().timers().deactivate(pluginId);
        return services.dispatcher().detach(deliveries, drainBound)
                .compose(drained -> {
                    // while the plugin's context still runs: after undeploy it would reject the task
                    context.stopProvidingHelpDesk();
                    return services.vertx().undeploy(deploymentId)
                            .timeout(Math.max(1, stopBound.toMillis()), TimeUnit.MILLISECONDS);
                })
                .recover(failure -> {
                    LOG.warn("Plugin '{}' did not stop cleanly ({}); unloading it anyway", pluginId,
                            PluginVerticle.describe(failure));
                    return Future.succeededFuture();
                })
                .compose(stopped -> context.close());
    }
}
