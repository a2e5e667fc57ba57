package dev.ticketflow.plugins.gitlab.config;

import java.util.List;

/**
 * What new issues and notes look like.
 *
 * @param bugLabels labels of an issue created for a bug
 * @param productFeedbackLabels labels of an issue created for product feedback
 * @param confidential whether created issues are confidential
 * @param internalNotes whether notes added to existing issues are internal
 * @param createForProductFeedback whether product feedback without a matching issue opens one
 */
public record IssueSettings(List<String> bugLabels, List<String> productFeedbackLabels, boolean confidential,
        boolean internalNotes, boolean createForProductFeedback) {

    /** Copies the lists. */
    public IssueSettings {
        bugLabels = List.copyOf(bugLabels);
        productFeedbackLabels = List.copyOf(productFeedbackLabels);
    }

    /** The labels of an issue created for a kind. */
    public List<String> labelsFor(FeedbackKind kind) {
        return kind == FeedbackKind.PRODUCT_FEEDBACK ? productFeedbackLabels : bugLabels;
    }
}
