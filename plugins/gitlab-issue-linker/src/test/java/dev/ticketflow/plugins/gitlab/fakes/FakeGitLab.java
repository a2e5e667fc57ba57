package dev.ticketflow.plugins.gitlab.fakes;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitLab REST v4 stand-in on a real port. It checks every request against the documented
 * shapes (paths with URL-encoded project paths, the auth header, required fields and their types,
 * enum values, {@code per_page} ≤ 100) and records violations; it answers like GitLab, pages with
 * {@code x-next-page} or {@code Link}, and can be told to fail the next requests.
 */
public final class FakeGitLab {

    /** The one project: id 42, path {@code acme/app}. */
    public static final long PROJECT_ID = 42;
    public static final String PROJECT_PATH = "acme/app";

    private static final Pattern ISSUES = Pattern.compile("/api/v4/projects/([^/]+)/issues");
    private static final Pattern NOTES = Pattern.compile("/api/v4/projects/([^/]+)/issues/(\\d+)/notes");
    private static final Pattern MILESTONE = Pattern.compile("/api/v4/projects/([^/]+)/milestones/(\\d+)");
    private static final Set<String> STATES = Set.of("opened", "closed", "all");
    private static final Set<String> IN_VALUES = Set.of("title", "description");

    /** How a list is paged. */
    public enum Paging { X_NEXT_PAGE, LINK_ONLY }

    /** A scripted failure for the next request. */
    public record Failure(int status, String retryAfter) {}

    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<JsonObject> issues = new CopyOnWriteArrayList<>();
    public final Map<Long, List<JsonObject>> notes = new ConcurrentHashMap<>();
    public final Map<Long, String> milestones = new ConcurrentHashMap<>();
    public final Deque<Failure> failures = new ArrayDeque<>();
    public volatile int pageSize = 100;
    public volatile Paging paging = Paging.X_NEXT_PAGE;
    /** Creates the next issue or note, then answers 502 as if the response got lost. */
    public volatile boolean loseNextWriteResponse;

    private final String token;
    private final boolean bearer;
    private HttpServer server;
    private long nextIid = 100;
    private long nextNoteId = 5000;

    private FakeGitLab(String token, boolean bearer) {
        this.token = token;
        this.bearer = bearer;
    }

    public static Future<FakeGitLab> start(Vertx vertx, String token, boolean bearer) {
        FakeGitLab gitlab = new FakeGitLab(token, bearer);
        return vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> gitlab.handle(request, body)))
                .listen(0, "127.0.0.1")
                .map(server -> {
                    gitlab.server = server;
                    return gitlab;
                });
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    public synchronized JsonObject addIssue(String title, String description, List<String> labels) {
        JsonObject issue = issueJson(nextIid++, title, description, labels, false);
        issues.add(issue);
        return issue;
    }

    public List<JsonObject> createdIssues() {
        return issues.stream().filter(issue -> issue.getBoolean("created_here", false)).toList();
    }

    public List<JsonObject> notesOf(long iid) {
        return notes.getOrDefault(iid, List.of());
    }

    private synchronized void handle(HttpServerRequest request, Buffer body) {
        String path = request.path();
        requests.add(request.method() + " " + request.uri());
        if (!authorised(request.headers())) {
            violations.add("missing or wrong auth header on " + request.method() + " " + path);
            reply(request, 401, new JsonObject().put("message", "401 Unauthorized").encode(), null);
            return;
        }
        Failure failure = failures.poll();
        if (failure != null) {
            reply(request, failure.status(), failure.status() == 429 ? "Retry later" : "{\"message\":\"502 Bad Gateway\"}",
                    failure.retryAfter() == null ? null : MultiMap.caseInsensitiveMultiMap().add("Retry-After", failure.retryAfter()));
            return;
        }
        Matcher notesPath = NOTES.matcher(path);
        Matcher issuesPath = ISSUES.matcher(path);
        Matcher milestonePath = MILESTONE.matcher(path);
        if (notesPath.matches() && project(notesPath.group(1))) {
            long iid = Long.parseLong(notesPath.group(2));
            if (findIssue(iid) == null) {
                reply(request, 404, "{\"message\":\"404 Issue Not Found\"}", null);
            } else if (request.method().name().equals("POST")) {
                createNote(request, body, iid);
            } else {
                list(request, new ArrayList<>(notesOf(iid)));
            }
        } else if (issuesPath.matches() && project(issuesPath.group(1))) {
            if (request.method().name().equals("POST")) {
                createIssue(request, body);
            } else {
                searchIssues(request);
            }
        } else if (milestonePath.matches() && project(milestonePath.group(1))) {
            String title = milestones.get(Long.parseLong(milestonePath.group(2)));
            reply(request, title == null ? 404 : 200, title == null ? "{\"message\":\"404 Not found\"}"
                    : new JsonObject().put("id", Long.parseLong(milestonePath.group(2))).put("title", title).encode(), null);
        } else {
            violations.add("unknown path " + request.method() + " " + path);
            reply(request, 404, "{\"message\":\"404 Not Found\"}", null);
        }
    }

    private boolean authorised(MultiMap headers) {
        return bearer ? ("Bearer " + token).equals(headers.get("Authorization")) : token.equals(headers.get("PRIVATE-TOKEN"));
    }

    /** The project segment: the numeric id, or the path URL-encoded as one segment. */
    private boolean project(String segment) {
        if (segment.equals(String.valueOf(PROJECT_ID)) || segment.equalsIgnoreCase("acme%2Fapp")) {
            return true;
        }
        violations.add("project segment '" + segment + "' is neither the id nor the URL-encoded path");
        return false;
    }

    private void searchIssues(HttpServerRequest request) {
        MultiMap params = request.params();
        String state = params.get("state");
        if (state != null && !STATES.contains(state)) {
            violations.add("state must be opened|closed|all, got " + state);
        }
        String in = params.get("in");
        if (in != null && !IN_VALUES.containsAll(Arrays.asList(in.split(",")))) {
            violations.add("in must be title, description or both, got " + in);
        }
        if (in != null && params.get("search") == null) {
            violations.add("in without search");
        }
        List<String> words = params.get("search") == null ? List.of()
                : Arrays.asList(params.get("search").toLowerCase(Locale.ROOT).split("\\s+"));
        List<String> labels = params.get("labels") == null ? List.of() : Arrays.asList(params.get("labels").split(","));
        List<JsonObject> found = new ArrayList<>();
        for (JsonObject issue : issues) {
            String text = ((in == null || in.contains("title") ? issue.getString("title") : "") + " "
                    + (in == null || in.contains("description") ? issue.getString("description", "") : ""))
                    .toLowerCase(Locale.ROOT);
            boolean stateOk = state == null || state.equals("all") || state.equals(issue.getString("state"));
            boolean wordsOk = words.stream().allMatch(text::contains);
            boolean labelsOk = issue.getJsonArray("labels").getList().containsAll(labels);
            if (stateOk && wordsOk && labelsOk) {
                found.add(issue);
            }
        }
        list(request, found);
    }

    private void list(HttpServerRequest request, List<JsonObject> all) {
        int perPage = intParam(request, "per_page", 20);
        if (perPage > 100) {
            violations.add("per_page above 100: " + perPage);
        }
        int size = Math.min(perPage, pageSize);
        int page = intParam(request, "page", 1);
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        boolean more = to < all.size();
        if (paging == Paging.X_NEXT_PAGE) {
            headers.add("x-page", String.valueOf(page)).add("x-next-page", more ? String.valueOf(page + 1) : "");
        }
        if (more) {
            String next = url() + request.path() + "?" + request.query().replaceAll("&?page=\\d+", "") + "&page=" + (page + 1);
            headers.add("Link", "<" + next + ">; rel=\"next\", <" + url() + request.path() + ">; rel=\"first\"");
        }
        reply(request, 200, new JsonArray(new ArrayList<>(all.subList(from, to))).encode(), headers);
    }

    private void createIssue(HttpServerRequest request, Buffer body) {
        JsonObject json = jsonBody(request, body);
        if (json == null) {
            return;
        }
        Object title = json.getValue("title");
        if (!(title instanceof String text) || text.isBlank()) {
            violations.add("create issue without a title");
            reply(request, 400, "{\"error\":\"title is missing\"}", null);
            return;
        }
        if (json.containsKey("labels") && !(json.getValue("labels") instanceof String)) {
            violations.add("labels must be a comma-separated string, got " + json.getValue("labels"));
        }
        if (json.containsKey("confidential") && !(json.getValue("confidential") instanceof Boolean)) {
            violations.add("confidential must be a boolean");
        }
        if (json.containsKey("description") && !(json.getValue("description") instanceof String)) {
            violations.add("description must be a string");
        }
        List<String> labels = json.getString("labels") == null ? List.of() : Arrays.asList(json.getString("labels").split(","));
        JsonObject issue = issueJson(nextIid++, text, json.getString("description", ""), labels,
                json.getBoolean("confidential", false)).put("created_here", true);
        issues.add(issue);
        if (loseNextWriteResponse) {
            loseNextWriteResponse = false;
            reply(request, 502, "{\"message\":\"502 Bad Gateway\"}", null);
            return;
        }
        reply(request, 201, issue.encode(), null);
    }

    private void createNote(HttpServerRequest request, Buffer body, long iid) {
        JsonObject json = jsonBody(request, body);
        if (json == null) {
            return;
        }
        if (!(json.getValue("body") instanceof String text) || text.isBlank()) {
            violations.add("note without a body");
            reply(request, 400, "{\"error\":\"body is missing\"}", null);
            return;
        }
        if (json.containsKey("internal") && !(json.getValue("internal") instanceof Boolean)) {
            violations.add("internal must be a boolean");
        }
        JsonObject note = new JsonObject().put("id", nextNoteId++).put("body", text)
                .put("internal", json.getBoolean("internal", false)).put("noteable_iid", iid);
        notes.computeIfAbsent(iid, key -> new CopyOnWriteArrayList<>()).add(note);
        if (loseNextWriteResponse) {
            loseNextWriteResponse = false;
            reply(request, 502, "{\"message\":\"502 Bad Gateway\"}", null);
            return;
        }
        reply(request, 201, note.encode(), null);
    }

    private JsonObject jsonBody(HttpServerRequest request, Buffer body) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add("POST without a JSON content type: " + type);
        }
        try {
            return body.toJsonObject();
        } catch (RuntimeException e) {
            violations.add("POST body is not a JSON object");
            reply(request, 400, "{\"error\":\"invalid JSON\"}", null);
            return null;
        }
    }

    private JsonObject findIssue(long iid) {
        return issues.stream().filter(issue -> issue.getLong("iid") == iid).findFirst().orElse(null);
    }

    private JsonObject issueJson(long iid, String title, String description, List<String> labels, boolean confidential) {
        return new JsonObject().put("id", 9000 + iid).put("iid", iid).put("project_id", PROJECT_ID).put("title", title)
                .put("description", description).put("state", "opened").put("confidential", confidential)
                .put("labels", new JsonArray(new ArrayList<>(labels)))
                .put("web_url", "https://gitlab.example.com/" + PROJECT_PATH + "/-/issues/" + iid);
    }

    private static int intParam(HttpServerRequest request, String name, int fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static void reply(HttpServerRequest request, int status, String body, MultiMap headers) {
        if (headers != null) {
            request.response().headers().addAll(headers);
        }
        request.response().setStatusCode(status)
                .putHeader("Content-Type", status == 429 ? "text/plain" : "application/json").end(body);
    }
}
