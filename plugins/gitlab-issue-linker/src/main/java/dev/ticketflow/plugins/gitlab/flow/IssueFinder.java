package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.plugins.gitlab.client.GitLabClient;
import dev.ticketflow.plugins.gitlab.client.GitLabIssue;
import dev.ticketflow.plugins.gitlab.client.IssueQuery;
import dev.ticketflow.plugins.gitlab.config.SearchSettings;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Looks for an existing issue about a ticket's subject in the configured projects, one project
 * after another, and keeps the best-scoring candidate (ties go to the earlier project and to
 * the more recently updated issue, GitLab's order).
 */
public final class IssueFinder {

    private final GitLabClient gitlab;
    private final List<String> projects;
    private final SearchSettings settings;

    /**
     * Creates the finder.
     *
     * @param gitlab the client
     * @param projects the projects to search, in order
     * @param settings how to search
     */
    public IssueFinder(GitLabClient gitlab, List<String> projects, SearchSettings settings) {
        this.gitlab = gitlab;
        this.projects = List.copyOf(projects);
        this.settings = settings;
    }

    /**
     * A matching issue and where it lives.
     *
     * @param project the configured project name it was found in
     * @param issue the issue
     * @param score the share of keywords it covers
     */
    public record Match(String project, GitLabIssue issue, double score) {}

    /**
     * Searches.
     *
     * @param subject the ticket subject
     * @return the best match scoring at least {@link SearchSettings#minScore()}, if any
     */
    public Future<Optional<Match>> find(String subject) {
        Keywords keywords = Keywords.of(subject, settings);
        if (keywords.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        IssueQuery query = new IssueQuery(keywords.query(settings.searchKeywords()), settings.in(), settings.state(),
                settings.labels(), settings.maxResults());
        return search(0, keywords, query, Optional.empty());
    }

    private Future<Optional<Match>> search(int index, Keywords keywords, IssueQuery query, Optional<Match> best) {
        if (index >= projects.size()) {
            return Future.succeededFuture(best);
        }
        String project = projects.get(index);
        return gitlab.searchIssues(project, query).compose(issues -> {
            Optional<Match> bestSoFar = best;
            for (GitLabIssue issue : issues) {
                double score = keywords.score(issue.title(), issue.description());
                if (score >= settings.minScore() && (bestSoFar.isEmpty() || score > bestSoFar.get().score())) {
                    bestSoFar = Optional.of(new Match(project, issue, score));
                }
            }
            return search(index + 1, keywords, query, bestSoFar);
        });
    }
}
