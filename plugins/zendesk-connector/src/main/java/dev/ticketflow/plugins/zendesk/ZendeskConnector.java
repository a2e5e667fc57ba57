package dev.ticketflow.plugins.zendesk;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.plugins.zendesk.config.ConnectorConfig;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import dev.ticketflow.plugins.zendesk.inbound.WebhookRoute;
import dev.ticketflow.plugins.zendesk.outbound.ZendeskHelpDesk;
import dev.ticketflow.plugins.zendesk.provision.InstallRoute;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.pf4j.Extension;

/**
 * Zendesk in and out: one webhook route per configured instance turns signed Zendesk webhooks
 * into events, and the help-desk port of every plugin acts through the Zendesk Support API.
 * Instances without credentials run dry, which the start-up log says plainly. The operator's
 * {@code ticketflow zendesk install} reaches the installer through {@link InstallRoute}.
 */
@Extension
public final class ZendeskConnector implements TicketflowPlugin {

    static final String USER_AGENT = "Ticketflow-zendesk-connector";

    private WebClient client;

    @Override
    public void register(PluginContext plugin) {
        ConnectorConfig config = ConnectorConfig.fromJson(plugin.config());
        client = WebClient.create(plugin.vertx(), new WebClientOptions().setUserAgent(USER_AGENT));
        new WebhookRoute(config, plugin, new WebhookSecrets(plugin.store())).mount(plugin.router());
        new InstallRoute(plugin.vertx(), plugin.config(), plugin.store(), plugin.log()).mount(plugin.router());
        plugin.provideHelpDesk(new ZendeskHelpDesk(config, client, plugin.vertx().getOrCreateContext(), plugin.log()));
        announce(config, plugin.log());
    }

    @Override
    public Future<Void> onStop() {
        if (client != null) {
            client.close();
        }
        return Future.succeededFuture();
    }

    private static void announce(ConnectorConfig config, Log log) {
        if (config.instances().isEmpty()) {
            log.warn("DRY-RUN: no Zendesk instance is configured: help-desk actions are only logged, nothing is sent"
                    + " to Zendesk, and webhooks are refused until an instance is configured under 'instances'");
            return;
        }
        for (InstanceConfig instance : config.all()) {
            String secrets = instance.webhookSecrets().isEmpty()
                    ? "signing secret from the installer (none configured)"
                    : instance.webhookSecrets().size() + " configured signing secret(s)";
            if (instance.dryRun()) {
                log.warn("DRY-RUN: Zendesk instance '{}' ({}) has no credentials: help-desk actions are only logged,"
                        + " nothing is sent; set auth.email + auth.apiToken or auth.oauthToken. Webhooks: POST"
                        + " /hooks/zendesk-connector/{} ({})", instance.name(), instance.baseUrl(), instance.name(), secrets);
            } else {
                log.info("Zendesk instance '{}': {} with the {}, at most {} requests/min; webhooks: POST"
                        + " /hooks/zendesk-connector/{} ({})", instance.name(), instance.baseUrl(),
                        instance.credentials().orElseThrow().describe(), instance.requestsPerMinute(), instance.name(), secrets);
            }
        }
    }
}
