package dev.ticketflow.plugins.gitlab.config;

/**
 * What a ticket is about, as far as this plugin cares. Listed in precedence order: a ticket that
 * matches several triggers is handled as the first.
 */
public enum FeedbackKind {
    /** A bug: linked to an existing issue or a new one. */
    BUG("bug", "bug"),
    /** Product feedback: added to an existing issue or a new one. */
    PRODUCT_FEEDBACK("productFeedback", "product_feedback"),
    /** A feature proposal: the customer is guided to open the issue. */
    FEATURE_PROPOSAL("featureProposal", "feature_proposal");

    private final String configKey;
    private final String category;

    FeedbackKind(String configKey, String category) {
        this.configKey = configKey;
        this.category = category;
    }

    /** The key under {@code triggers} in the configuration. */
    public String configKey() {
        return configKey;
    }

    /** The {@code feedback.classified} category that triggers it by default. */
    public String category() {
        return category;
    }
}
