package dev.ticketflow.platform.config;

import dev.ticketflow.platform.mail.MailSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform's configuration, as read from {@code conf/ticketflow.yaml} with {@code ${ENV}}
 * interpolation and environment overrides applied (see {@link ConfigLoader}).
 *
 * @param httpHost the interface the HTTP server binds to
 * @param httpPort the HTTP port; 0 picks a free port
 * @param dataDir where the event log, the admin token and plugin state live
 * @param pluginsDir the folder watched for plugin JAR/ZIP files
 * @param webhookSecrets Standard Webhooks secrets ({@code whsec_…}) accepted by {@code POST /events}
 * @param adminToken bearer token of the admin API; {@code null} to generate one in the data folder
 * @param maxBodyBytes largest accepted request body
 * @param handlerTimeout how long one plugin handler may take
 * @param pluginScanInterval how often the plugins folder is scanned
 * @param disabledPlugins plugins that are loaded but not started
 * @param plugins per-plugin configuration sections by plugin id
 * @param dryRun which plugins only record their outward port actions
 * @param mail the SMTP server of the mail port; {@code null} when none is configured
 * @param retention how long the timeline and inbound delivery ids are kept
 * @param delivery retries and circuit breaker of deliveries, for all plugins and per plugin
 */
public record TicketflowConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Path pluginsDir,
        List<String> webhookSecrets,
        String adminToken,
        long maxBodyBytes,
        Duration handlerTimeout,
        Duration pluginScanInterval,
        List<String> disabledPlugins,
        Map<String, JsonObject> plugins,
        DryRun dryRun,
        MailSettings mail,
        Retention retention,
        DeliverySettings delivery) {

    /** Default largest request body: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public TicketflowConfig {
        webhookSecrets = List.copyOf(webhookSecrets);
        disabledPlugins = List.copyOf(disabledPlugins);
        plugins = Map.copyOf(plugins);
        dryRun = dryRun == null ? DryRun.OFF : dryRun;
        retention = retention == null ? Retention.DEFAULTS : retention;
        delivery = delivery == null ? DeliverySettings.defaultsForAll() : delivery;
    }

    /**
     * Embedded defaults under a base folder: port 8080, {@code data/} and {@code plugins/}.
     *
     * @param base the installation folder
     * @return the defaults
     */
    public static TicketflowConfig defaults(Path base) {
        return new TicketflowConfig("0.0.0.0", 8080, base.resolve("data"), base.resolve("plugins"),
                List.of(), null, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(30),
                Duration.ofSeconds(1), List.of(), Map.of(), DryRun.OFF, null, Retention.DEFAULTS,
                DeliverySettings.defaultsForAll());
    }

    /**
     * The configuration section of one plugin.
     *
     * @param pluginId the plugin id
     * @return its section, empty when none
     */
    public JsonObject pluginConfig(String pluginId) {
        JsonObject section = plugins.get(pluginId);
        return section == null ? new JsonObject() : section.copy();
    }

    public TicketflowConfig withHttpHost(String host) {
        return new TicketflowConfig(host, httpPort, dataDir, pluginsDir, webhookSecrets, adminToken,
                maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withHttpPort(int port) {
        return new TicketflowConfig(httpHost, port, dataDir, pluginsDir, webhookSecrets, adminToken,
                maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withDirs(Path newDataDir, Path newPluginsDir) {
        return new TicketflowConfig(httpHost, httpPort, newDataDir, newPluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withWebhookSecrets(List<String> secrets) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, secrets, adminToken,
                maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withAdminToken(String token) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets, token,
                maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withMaxBodyBytes(long bytes) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, bytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withHandlerTimeout(Duration timeout) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, timeout, pluginScanInterval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withPluginScanInterval(Duration interval) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, interval, disabledPlugins, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withPlugins(Map<String, JsonObject> sections) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, sections, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withDisabledPlugins(List<String> ids) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, ids, plugins, dryRun, mail, retention, delivery);
    }

    public TicketflowConfig withDryRun(DryRun newDryRun) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins,
                newDryRun, mail, retention, delivery);
    }

    public TicketflowConfig withMail(MailSettings newMail) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins,
                dryRun, newMail, retention, delivery);
    }

    public TicketflowConfig withRetention(Retention newRetention) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins,
                dryRun, mail, newRetention, delivery);
    }

    public TicketflowConfig withDelivery(DeliverySettings settings) {
        return new TicketflowConfig(httpHost, httpPort, dataDir, pluginsDir, webhookSecrets,
                adminToken, maxBodyBytes, handlerTimeout, pluginScanInterval, disabledPlugins, plugins,
                dryRun, mail, retention, settings);
    }
}
