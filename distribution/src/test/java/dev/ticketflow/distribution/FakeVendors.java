package dev.ticketflow.distribution;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk ({@code /api/v2}), GitLab ({@code /api/v4}) and Slack ({@code /slack/api}) on one local
 * port, just deep enough for the bundled plugins to run the handbook's workflow against them:
 * tickets with tags and comments, issues, posted messages. Each plugin's own tests check its
 * requests against the vendor's documented contract; this fake records what arrived, and answers
 * 404 (recorded as unexpected) to anything else.
 */
final class FakeVendors {

    static final String ZENDESK_AUTH_EMAIL = "agent@acme.test";
    static final String GITLAB_TOKEN = "glpat-handbook-test";
    static final String SLACK_TOKEN = "xoxb-handbook-test";

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)");
    private static final Pattern TAGS = Pattern.compile("/api/v2/tickets/(\\d+)/tags");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/(\\d+)/comments");
    private static final Pattern ISSUES = Pattern.compile("/api/v4/projects/([^/]+)/issues");

    final Map<Long, JsonObject> tickets = new LinkedHashMap<>();
    final Map<Long, List<JsonObject>> comments = new LinkedHashMap<>();
    final List<JsonObject> users = new CopyOnWriteArrayList<>();
    final List<JsonObject> issues = new CopyOnWriteArrayList<>();
    final List<JsonObject> slackMessages = new CopyOnWriteArrayList<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private long sequence = 100;

    private FakeVendors(Vertx vertx) {
        server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
                .listen(0, "127.0.0.1").await();
    }

    static FakeVendors start(Vertx vertx) {
        return new FakeVendors(vertx);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    void close() {
        server.close().await();
    }

    /** A Zendesk ticket from a customer, with the first comment as its description. */
    synchronized void addTicket(long id, String subject, long requesterId, String description) {
        users.add(new JsonObject().put("id", requesterId).put("name", "Dana Reyes").put("email", "dana@customer.test")
                .put("role", "end-user"));
        tickets.put(id, new JsonObject().put("id", id).put("subject", subject).put("status", "new")
                .put("priority", "normal").put("requester_id", requesterId).put("tags", new JsonArray())
                .put("updated_at", "2025-03-04T09:15:00Z"));
        comments.put(id, new ArrayList<>(List.of(comment(requesterId, description, true))));
    }

    synchronized List<String> tags(long ticketId) {
        List<String> tags = new ArrayList<>();
        tickets.get(ticketId).getJsonArray("tags").forEach(tag -> tags.add(String.valueOf(tag)));
        return tags;
    }

    synchronized List<JsonObject> comments(long ticketId) {
        return List.copyOf(comments.get(ticketId));
    }

    private synchronized void handle(HttpServerRequest request, Buffer body) {
        String path = request.path();
        String method = request.method().name();
        JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
        Matcher m;
        if ((m = TAGS.matcher(path)).matches() && tickets.containsKey(Long.parseLong(m.group(1)))) {
            JsonArray tags = tickets.get(Long.parseLong(m.group(1))).getJsonArray("tags");
            for (Object tag : json.getJsonArray("tags", new JsonArray())) {
                if (method.equals("PUT") && !tags.contains(tag)) {
                    tags.add(tag);
                } else if (method.equals("DELETE")) {
                    tags.remove(tag);
                }
            }
            answer(request, 200, new JsonObject().put("tags", tags));
        } else if ((m = COMMENTS.matcher(path)).matches() && tickets.containsKey(Long.parseLong(m.group(1)))) {
            answer(request, 200, new JsonObject().put("comments", new JsonArray(comments.get(Long.parseLong(m.group(1)))))
                    .put("users", new JsonArray(users)).put("next_page", null).put("count", 1));
        } else if ((m = TICKET.matcher(path)).matches() && tickets.containsKey(Long.parseLong(m.group(1)))) {
            long id = Long.parseLong(m.group(1));
            JsonObject ticket = tickets.get(id);
            JsonObject changes = json.getJsonObject("ticket", new JsonObject());
            if (method.equals("PUT") && changes.getValue("comment") instanceof JsonObject comment) {
                comments.get(id).add(comment(1, comment.getString("body"), comment.getBoolean("public", true)));
            }
            answer(request, 200, new JsonObject().put("ticket", ticket));
        } else if ((m = ISSUES.matcher(path)).matches() && GITLAB_TOKEN.equals(request.getHeader("PRIVATE-TOKEN"))) {
            if (method.equals("POST")) {
                long iid = ++sequence;
                // GitLab takes labels as a comma-separated string and answers them as an array
                JsonArray labels = new JsonArray();
                for (String label : json.getString("labels", "").split(",")) {
                    if (!label.isBlank()) {
                        labels.add(label.trim());
                    }
                }
                JsonObject issue = json.copy().put("labels", labels).put("iid", iid).put("id", 9000 + iid)
                        .put("project_id", 42).put("state", "opened").put("web_url", url() + "/acme/app/-/issues/" + iid);
                issues.add(issue);
                answer(request, 201, issue);
            } else {
                answer(request, 200, new JsonArray());
            }
        } else if (path.equals("/slack/api/chat.postMessage")
                && ("Bearer " + SLACK_TOKEN).equals(request.getHeader("Authorization"))) {
            slackMessages.add(json);
            answer(request, 200, new JsonObject().put("ok", true).put("channel", "C0BUGS")
                    .put("ts", "1700000000." + ++sequence));
        } else {
            unexpected.add(method + " " + request.uri());
            answer(request, 404, new JsonObject().put("error", "not found"));
        }
    }

    private JsonObject comment(long authorId, String body, boolean isPublic) {
        return new JsonObject().put("id", ++sequence).put("author_id", authorId).put("body", body)
                .put("plain_body", body).put("public", isPublic);
    }

    private static void answer(HttpServerRequest request, int status, Object body) {
        String text = body instanceof JsonArray array ? array.encode() : ((JsonObject) body).encode();
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }
}
