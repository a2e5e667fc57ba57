package dev.ticketflow.plugins.gitlab.config;

import java.util.List;

/**
 * What starts one kind of handling.
 *
 * @param tags ticket tags (on {@code ticket.created} / {@code ticket.updated}); any one suffices
 * @param categories {@code feedback.classified} categories; any one suffices
 */
public record TriggerSettings(List<String> tags, List<String> categories) {

    /** Copies the lists. */
    public TriggerSettings {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }
}
