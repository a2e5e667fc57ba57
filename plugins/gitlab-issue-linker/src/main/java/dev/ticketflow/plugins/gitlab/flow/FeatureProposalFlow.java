package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.config.Tracker;
import dev.ticketflow.plugins.gitlab.state.Once;
import dev.ticketflow.plugins.gitlab.state.TicketKey;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * A feature proposal: the handbook prefers the customer to open the issue, so the customer gets a
 * public reply with the tracker links and the ticket a tag; no issue is created. Once per ticket,
 * each step once per event.
 */
public final class FeatureProposalFlow {

    private final LinkerSettings settings;
    private final KeyValueStore store;

    /**
     * Creates the flow.
     *
     * @param settings the configuration
     * @param store the plugin's store
     */
    public FeatureProposalFlow(LinkerSettings settings, KeyValueStore store) {
        this.settings = settings;
        this.store = store;
    }

    /**
     * Handles a feature-proposal event.
     *
     * @param context the delivery
     * @return completes when replied and tagged
     */
    public Future<Void> handle(EventContext context) {
        TicketEvent event = context.event();
        if (event.ticket().hasTag(settings.featureProposalTag())) {
            return Future.succeededFuture();
        }
        TicketKey ticketKey = new TicketKey(event.source(), event.ticket().id(), event.ticket().url());
        String eventId = EventIds.of(event);
        return EventIds.claimTicket(store, FeedbackKind.FEATURE_PROPOSAL, ticketKey, eventId).compose(owned -> {
            if (!owned) {
                return Future.succeededFuture();
            }
            Once once = new Once(store, context.log());
            Map<String, Object> model = new HashMap<>();
            model.put("ticket", TemplateContext.ticket(event.ticket()));
            model.put("trackers", settings.trackers().stream().map(Tracker::toContext).toList());
            String body = settings.templates().featureProposalReply().render(model);
            return once.run(EventIds.effect(eventId, "reply"), () -> context.helpDesk().addPublicReply(body))
                    .compose(replied -> once.run(EventIds.effect(eventId, "tag"),
                            () -> context.helpDesk().addTags(settings.featureProposalTag())))
                    .mapEmpty();
        });
    }
}
