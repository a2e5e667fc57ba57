package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.config.TriggerSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what an event asks of this plugin: a {@code feedback.classified} event by its
 * {@code category}, a ticket created or updated by its tags. The first kind in
 * {@link FeedbackKind} order wins, so one ticket never gets two different replies.
 */
public final class FlowTrigger {

    /** The type other plugins emit after classifying a ticket. */
    public static final String FEEDBACK_CLASSIFIED = "feedback.classified";

    private final Map<FeedbackKind, TriggerSettings> triggers;

    /**
     * Creates the trigger.
     *
     * @param triggers per kind, what starts it
     */
    public FlowTrigger(Map<FeedbackKind, TriggerSettings> triggers) {
        this.triggers = new EnumMap<>(triggers);
    }

    /**
     * The kind of handling an event asks for.
     *
     * @param event the event
     * @return the kind, or empty when the event is not for this plugin
     */
    public Optional<FeedbackKind> kindOf(TicketEvent event) {
        if (FEEDBACK_CLASSIFIED.equals(event.type())) {
            Object category = event.data().get("category");
            for (FeedbackKind kind : FeedbackKind.values()) {
                if (category != null && triggers.get(kind).categories().contains(category.toString())) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
        if (EventTypes.TICKET_CREATED.equals(event.type()) || EventTypes.TICKET_UPDATED.equals(event.type())) {
            for (FeedbackKind kind : FeedbackKind.values()) {
                if (triggers.get(kind).tags().stream().anyMatch(event.ticket()::hasTag)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }
}
