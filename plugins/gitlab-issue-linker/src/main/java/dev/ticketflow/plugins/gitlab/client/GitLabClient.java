package dev.ticketflow.plugins.gitlab.client;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The GitLab REST calls this plugin makes: search issues (paged), create an issue, add a note,
 * list notes. Every call goes through the {@link Retrier}; the two writes re-check for their
 * own marker after an ambiguous failure, so a retry never creates a second issue or note.
 */
public final class GitLabClient {

    private static final int PER_PAGE = 100;

    private final WebClient web;
    private final GitLabConnection connection;
    private final Retrier retrier;

    /**
     * Creates the client.
     *
     * @param web the HTTP client (owned by the caller)
     * @param connection where and how
     * @param retrier the retry policy
     */
    public GitLabClient(WebClient web, GitLabConnection connection, Retrier retrier) {
        this.web = web;
        this.connection = connection;
        this.retrier = retrier;
    }

    /**
     * Searches a project's issues, following pages until {@link IssueQuery#maxResults()}.
     *
     * @param project numeric id or {@code group/project} path
     * @param query the search
     * @return the issues in GitLab's order
     */
    public Future<List<GitLabIssue>> searchIssues(String project, IssueQuery query) {
        HttpRequest<Buffer> first = request(HttpMethod.GET, projectUrl(project) + "/issues")
                .addQueryParam("state", query.state())
                .addQueryParam("order_by", "updated_at")
                .addQueryParam("sort", "desc")
                .addQueryParam("per_page", String.valueOf(Math.min(PER_PAGE, Math.max(1, query.maxResults()))));
        if (query.search() != null && !query.search().isBlank()) {
            first.addQueryParam("search", query.search()).addQueryParam("in", query.in());
        }
        if (!query.labels().isEmpty()) {
            first.addQueryParam("labels", String.join(",", query.labels()));
        }
        return readPages("search issues in " + project, first, query.maxResults(), GitLabIssue::fromJson);
    }

    /**
     * Finds the open or closed issue whose description carries a marker this plugin wrote.
     *
     * @param project the project
     * @param marker the marker text
     * @return the issue, when there is one
     */
    public Future<Optional<GitLabIssue>> findByMarker(String project, String marker) {
        return searchIssues(project, new IssueQuery(marker, "description", "all", List.of(), PER_PAGE))
                .map(issues -> issues.stream().filter(issue -> issue.description().contains(marker)).findFirst());
    }

    /**
     * Creates an issue whose description ends with {@code marker}. After an ambiguous failure the
     * marker is searched first, so the issue exists once.
     *
     * @param project the project
     * @param issue the issue
     * @param marker a text unique to this ticket, already part of the description
     * @return the created (or found) issue
     */
    public Future<GitLabIssue> createIssue(String project, NewIssue issue, String marker) {
        String what = "create issue in " + project;
        return retrier.call(what,
                () -> send(what, request(HttpMethod.POST, projectUrl(project) + "/issues"), issue.toJson())
                        .map(response -> GitLabIssue.fromJson(response.bodyAsJsonObject())),
                () -> findByMarker(project, marker));
    }

    /**
     * Adds a note to an issue. After an ambiguous failure the notes are searched for
     * {@code marker} first, so the note exists once.
     *
     * @param project the project
     * @param issueIid the issue's iid
     * @param body the note (markdown) containing {@code marker}
     * @param internal {@code true} for a note only project members see
     * @param marker a text unique to this note
     * @return the note's id
     */
    public Future<Long> addNote(String project, long issueIid, String body, boolean internal, String marker) {
        String what = "add note to issue " + project + "#" + issueIid;
        JsonObject json = new JsonObject().put("body", body).put("internal", internal);
        return retrier.call(what,
                () -> send(what, request(HttpMethod.POST, notesUrl(project, issueIid)), json)
                        .map(response -> response.bodyAsJsonObject().getLong("id")),
                () -> findNote(project, issueIid, marker));
    }

    /**
     * Finds a note containing a marker.
     *
     * @param project the project
     * @param issueIid the issue
     * @param marker the marker
     * @return the note's id, when there is one
     */
    public Future<Optional<Long>> findNote(String project, long issueIid, String marker) {
        HttpRequest<Buffer> first = request(HttpMethod.GET, notesUrl(project, issueIid))
                .addQueryParam("per_page", String.valueOf(PER_PAGE))
                .addQueryParam("sort", "desc");
        return readPages("list notes of " + project + "#" + issueIid, first, 10 * PER_PAGE, json -> json)
                .map(notes -> notes.stream()
                        .filter(note -> note.getString("body", "").contains(marker))
                        .map(note -> note.getLong("id"))
                        .findFirst());
    }

    /**
     * A project milestone's title (issue hooks carry only its id).
     *
     * @param projectId the numeric project id
     * @param milestoneId the milestone id
     * @return the title
     */
    public Future<String> milestoneTitle(long projectId, long milestoneId) {
        String what = "read milestone " + milestoneId;
        return retrier.call(what, () -> send(what,
                request(HttpMethod.GET, projectUrl(String.valueOf(projectId)) + "/milestones/" + milestoneId), null))
                .map(response -> response.bodyAsJsonObject().getString("title"));
    }

    private <T> Future<List<T>> readPages(String what, HttpRequest<Buffer> first, int maxResults,
            Function<JsonObject, T> reader) {
        List<T> results = new ArrayList<>();
        return readPage(what, first, maxResults, reader, results).map(done -> results);
    }

    private <T> Future<Void> readPage(String what, HttpRequest<Buffer> page, int maxResults,
            Function<JsonObject, T> reader, List<T> results) {
        return retrier.call(what, () -> send(what, page, null)).compose(response -> {
            JsonArray items = response.bodyAsJsonArray();
            for (int i = 0; i < items.size() && results.size() < maxResults; i++) {
                results.add(reader.apply(items.getJsonObject(i)));
            }
            String next = NextPage.of(response.headers());
            if (next == null || results.size() >= maxResults || items.isEmpty()) {
                return Future.succeededFuture();
            }
            HttpRequest<Buffer> nextRequest = next.chars().allMatch(Character::isDigit)
                    ? page.copy().setQueryParam("page", next)
                    : request(HttpMethod.GET, next);
            return readPage(what, nextRequest, maxResults, reader, results);
        });
    }

    private Future<HttpResponse<Buffer>> send(String what, HttpRequest<Buffer> request, JsonObject body) {
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent.compose(response -> {
            if (response.statusCode() / 100 == 2) {
                return Future.succeededFuture(response);
            }
            return Future.failedFuture(new GitLabApiException(what, response.statusCode(), response.bodyAsString(),
                    RetryAfter.parse(response.getHeader("Retry-After"), Instant.now())));
        });
    }

    private HttpRequest<Buffer> request(HttpMethod method, String absoluteUrl) {
        HttpRequest<Buffer> request = web.requestAbs(method, absoluteUrl)
                .timeout(connection.timeout().toMillis())
                .putHeader("Accept", "application/json");
        return connection.bearer()
                ? request.bearerTokenAuthentication(connection.token())
                : request.putHeader("PRIVATE-TOKEN", connection.token());
    }

    private String projectUrl(String project) {
        return connection.apiUrl() + "/projects/" + encodeProject(project);
    }

    private String notesUrl(String project, long issueIid) {
        return projectUrl(project) + "/issues/" + issueIid + "/notes";
    }

    /** A numeric id stays as it is; a path is URL-encoded ({@code group%2Fproject}). */
    static String encodeProject(String project) {
        return URLEncoder.encode(project, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
