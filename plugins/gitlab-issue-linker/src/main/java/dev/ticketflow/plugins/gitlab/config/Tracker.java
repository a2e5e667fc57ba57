package dev.ticketflow.plugins.gitlab.config;

import java.util.Map;

/**
 * An issue tracker a customer is pointed to for feature proposals.
 *
 * @param name what the customer sees, e.g. "Community Edition"
 * @param url the tracker's issue list or new-issue page
 */
public record Tracker(String name, String url) {

    /** For templates: {@code {{#trackers}}{{name}}: {{url}}{{/trackers}}}. */
    public Map<String, Object> toContext() {
        return Map.of("name", name, "url", url);
    }
}
