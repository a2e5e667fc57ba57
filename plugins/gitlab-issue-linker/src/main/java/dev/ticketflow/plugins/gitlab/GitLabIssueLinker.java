package dev.ticketflow.plugins.gitlab;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.plugins.gitlab.client.GitLabClient;
import dev.ticketflow.plugins.gitlab.client.Retrier;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.flow.DryRunFlow;
import dev.ticketflow.plugins.gitlab.flow.FeatureProposalFlow;
import dev.ticketflow.plugins.gitlab.flow.FlowTrigger;
import dev.ticketflow.plugins.gitlab.flow.IssueFinder;
import dev.ticketflow.plugins.gitlab.flow.IssueLinkFlow;
import dev.ticketflow.plugins.gitlab.webhook.GitLabWebhookRoute;
import dev.ticketflow.plugins.gitlab.webhook.IssueUpdateNotifier;
import dev.ticketflow.plugins.gitlab.webhook.WebhookAuthenticator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.List;
import org.pf4j.Extension;

/**
 * Links bug and product-feedback tickets to GitLab issues, guides feature proposals to the
 * tracker, and brings issue changes back to the linked tickets through
 * {@code POST /hooks/gitlab-issue-linker/webhook}. Without a GitLab token it runs in dry-run: it
 * logs what it would do and leaves GitLab and the tickets alone.
 */
@Extension
public final class GitLabIssueLinker implements TicketflowPlugin {

    private WebClient web;

    @Override
    public void register(PluginContext plugin) {
        LinkerSettings settings = LinkerSettings.from(plugin.config());
        FlowTrigger trigger = new FlowTrigger(settings.triggers());
        if (settings.dryRun()) {
            registerDryRun(plugin, settings, trigger);
            return;
        }
        web = WebClient.create(plugin.vertx(), new WebClientOptions()
                .setUserAgent("Ticketflow-gitlab-issue-linker")
                .setConnectTimeout((int) settings.connection().timeout().toMillis()));
        GitLabClient gitlab = new GitLabClient(web, settings.connection(),
                new Retrier(plugin.vertx(), settings.connection().retry(), plugin.log()));

        IssueLinkFlow linkFlow = new IssueLinkFlow(settings, gitlab,
                new IssueFinder(gitlab, settings.projects(), settings.search()), plugin.store());
        FeatureProposalFlow featureFlow = new FeatureProposalFlow(settings, plugin.store());
        plugin.on(List.of(FlowTrigger.FEEDBACK_CLASSIFIED, EventTypes.TICKET_CREATED, EventTypes.TICKET_UPDATED),
                context -> handle(context, trigger, linkFlow, featureFlow));

        if (!settings.webhook().configured()) {
            plugin.log().warn("webhook.token / webhook.signingSecrets not set: the GitLab webhook refuses every request");
        }
        new GitLabWebhookRoute(new WebhookAuthenticator(settings.webhook()),
                new IssueUpdateNotifier(settings, gitlab, plugin.store(), plugin::helpDesk, plugin.log()),
                plugin.store(), Clock.systemUTC(), plugin.log()).mount(plugin.router());
    }

    private static void registerDryRun(PluginContext plugin, LinkerSettings settings, FlowTrigger trigger) {
        plugin.log().warn("DRY-RUN: no GitLab token configured (gitlab.token): issues are not searched, created or"
                + " noted and tickets get no reply or tag; what would be done is logged. Set gitlab.url, gitlab.token"
                + " and projects to link tickets");
        DryRunFlow dryRun = new DryRunFlow(settings);
        plugin.on(List.of(FlowTrigger.FEEDBACK_CLASSIFIED, EventTypes.TICKET_CREATED, EventTypes.TICKET_UPDATED),
                context -> trigger.kindOf(context.event()).map(kind -> dryRun.handle(context, kind))
                        .orElseGet(Future::succeededFuture));
        // no ticket is ever linked in dry-run, so there is nobody to tell about an issue change
        plugin.router().post(GitLabWebhookRoute.PATH).handler(routing -> routing.response().setStatusCode(503)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", "GitLab issue linker in dry-run")
                        .put("status", 503).put("detail", "no GitLab token is configured (gitlab.token):"
                                + " webhooks are not processed").encode()));
    }

    private static Future<Void> handle(EventContext context, FlowTrigger trigger, IssueLinkFlow linkFlow,
            FeatureProposalFlow featureFlow) {
        return trigger.kindOf(context.event())
                .map(kind -> kind == FeedbackKind.FEATURE_PROPOSAL ? featureFlow.handle(context)
                        : linkFlow.handle(context, kind))
                .orElseGet(Future::succeededFuture);
    }

    @Override
    public Future<Void> onStop() {
        if (web != null) {
            web.close();
        }
        return Future.succeededFuture();
    }
}
