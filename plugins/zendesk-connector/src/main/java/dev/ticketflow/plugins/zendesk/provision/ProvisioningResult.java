package dev.ticketflow.plugins.zendesk.provision;

import java.util.List;

/**
 * What an install run did in Zendesk.
 *
 * @param instance the instance name
 * @param endpoint the URL the webhooks call
 * @param items every webhook and trigger, with what was done to it
 * @param signingSecrets the webhooks' signing secrets (also stored for verification); never
 *     shown by {@link #toString()}
 */
public record ProvisioningResult(String instance, String endpoint, List<Item> items, List<String> signingSecrets) {

    public ProvisioningResult {
        items = List.copyOf(items);
        signingSecrets = List.copyOf(signingSecrets);
    }

    /** What was done to one object. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * One webhook or trigger.
     *
     * @param kind {@code webhook} or {@code trigger}
     * @param name its name (webhook) or title (trigger)
     * @param id Zendesk's id of it
     * @param outcome what was done
     */
    public record Item(String kind, String name, String id, Outcome outcome) {}

    /** Whether the run changed anything in Zendesk. */
    public boolean changedAnything() {
        return items.stream().anyMatch(item -> item.outcome() != Outcome.UNCHANGED);
    }

    @Override
    public String toString() {
        return "ProvisioningResult[" + instance + " → " + endpoint + ", " + items + ", "
                + signingSecrets.size() + " signing secret(s) stored]";
    }
}
