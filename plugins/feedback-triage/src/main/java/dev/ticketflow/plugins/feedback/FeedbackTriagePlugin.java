package dev.ticketflow.plugins.feedback;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import java.util.List;
import org.pf4j.Extension;

/**
 * Recognises feedback and complaint tickets and their kind, tags them {@code feedback} plus a
 * category tag, routes refund requests and emits {@code feedback.classified}.
 *
 * <p>It listens to creation (subject, form, fields, tags and the description), to updates (an
 * agent or a form changing tags or fields can set or change the category) and to added
 * comments (the first customer comment, when the ticket was created without one).
 */
@Extension
public final class FeedbackTriagePlugin implements TicketflowPlugin {

    /** The event types this plugin subscribes to, as in its descriptor. */
    public static final List<String> SUBSCRIPTIONS = List.of(EventTypes.TICKET_CREATED,
            EventTypes.TICKET_UPDATED, EventTypes.TICKET_COMMENT_ADDED);

    @Override
    public void register(PluginContext plugin) {
        TriageSettings settings = TriageSettings.fromJson(plugin.config());
        TriageHandler handler = new TriageHandler(settings, new FeedbackClassifier(settings));
        plugin.on(SUBSCRIPTIONS, handler::handle);
        if (settings.refunds().group() == null) {
            plugin.log().warn("refunds.group is not set: refund requests are tagged and noted, not reassigned");
        }
    }
}
