package dev.ticketflow.plugins.gitlab.client;

import java.util.List;

/**
 * A search of a project's issues ({@code GET /projects/:id/issues}).
 *
 * @param search the words GitLab looks for (all of them, in {@code in})
 * @param in {@code title}, {@code description} or {@code title,description}
 * @param state {@code opened}, {@code closed} or {@code all}
 * @param labels labels every result must carry, may be empty
 * @param maxResults stop paging once this many issues were read
 */
public record IssueQuery(String search, String in, String state, List<String> labels, int maxResults) {

    /** Copies the labels. */
    public IssueQuery {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
