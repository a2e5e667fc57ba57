package dev.ticketflow.plugins.zendesk.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zendesk account on a local port: tickets, comments, groups, webhooks and triggers in
 * memory. Every request is first checked against Zendesk's OpenAPI document; a request Zendesk
 * would refuse is answered 400 and recorded as a violation, which the tests assert is empty.
 * Canned answers (429, 5xx) can be queued, and a concurrent change can be slipped in before the
 * next write.
 */
public final class FakeZendesk {

    public static final long API_USER_ID = 900;
    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/([0-9]+)");
    private static final Pattern TAGS = Pattern.compile("/api/v2/tickets/([0-9]+)/tags");
    private static final Pattern BELOW_TICKET = Pattern.compile("/api/v2/tickets/([0-9]+)/.*");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/([0-9]+)/comments");

    private final ZendeskContract contract = ZendeskContract.load();
    private final Set<String> acceptedAuthorizations;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final Map<Long, JsonObject> tickets = new LinkedHashMap<>();
    private final Map<Long, List<JsonObject>> comments = new LinkedHashMap<>();
    private final Map<Long, List<String>> ccs = new LinkedHashMap<>();
    private final Map<Long, JsonObject> users = new LinkedHashMap<>();
    private final Map<Long, JsonObject> groups = new LinkedHashMap<>();
    private final Map<String, JsonObject> webhooks = new LinkedHashMap<>();
    private final Map<Long, JsonObject> triggers = new LinkedHashMap<>();
    private Runnable beforeNextWrite;
    private long clock;
    private long sequence = 1000;
    private HttpServer server;

    private FakeZendesk(Set<String> acceptedAuthorizations) {
        this.acceptedAuthorizations = acceptedAuthorizations;
        users.put(API_USER_ID, new JsonObject().put("id", API_USER_ID).put("name", "Ticketflow API").put("role", "admin"));
    }

    /** Starts a fake that accepts exactly these {@code Authorization} header values. */
    public static FakeZendesk start(Vertx vertx, String... acceptedAuthorizations) {
        FakeZendesk fake = new FakeZendesk(Set.of(acceptedAuthorizations));
        fake.server = vertx.createHttpServer().requestHandler(fake::handle).listen(0, "127.0.0.1").await();
        return fake;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> writes() {
        return requests.stream().filter(RecordedRequest::isWrite).toList();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Answers the next requests of this method and path with these, in order. */
    public synchronized void enqueue(String method, String path, CannedResponse... responses) {
        for (CannedResponse response : responses) {
            canned.add(new Canned(method, path, response));
        }
    }

    private record Canned(String method, String path, CannedResponse response) {}

    /** Runs once, just before the next write is applied: another agent's change. */
    public synchronized void beforeNextWrite(Runnable change) {
        this.beforeNextWrite = change;
    }

    public synchronized JsonObject addTicket(long id, String subject, long requesterId, String... tags) {
        JsonObject ticket = new JsonObject().put("id", id).put("subject", subject).put("status", "open")
                .put("priority", "normal").put("requester_id", requesterId).put("assignee_id", null)
                .put("group_id", null).put("ticket_form_id", null).put("tags", new JsonArray(new ArrayList<>(List.of(tags))))
                .put("custom_fields", new JsonArray().add(new JsonObject().put("id", 77).put("value", "refund")))
                .put("updated_at", stamp());
        tickets.put(id, ticket);
        comments.put(id, new ArrayList<>());
        ccs.put(id, new ArrayList<>());
        return ticket;
    }

    public synchronized void addUser(long id, String name, String email, String role) {
        users.put(id, new JsonObject().put("id", id).put("name", name).put("email", email).put("role", role));
    }

    public synchronized void addComment(long ticketId, long authorId, String body, boolean isPublic) {
        comments.get(ticketId).add(new JsonObject().put("id", ++sequence).put("type", "Comment").put("author_id", authorId)
                .put("body", body).put("plain_body", body).put("public", isPublic).put("created_at", stamp()));
    }

    public synchronized void addGroup(long id, String name) {
        groups.put(id, new JsonObject().put("id", id).put("name", name).put("deleted", false));
    }

    public synchronized JsonObject ticket(long id) {
        return tickets.get(id).copy();
    }

    public synchronized List<JsonObject> comments(long ticketId) {
        return List.copyOf(comments.get(ticketId));
    }

    public synchronized List<String> ccs(long ticketId) {
        return List.copyOf(ccs.get(ticketId));
    }

    public synchronized Map<String, JsonObject> webhooks() {
        return Map.copyOf(webhooks);
    }

    public synchronized Map<Long, JsonObject> triggers() {
        return Map.copyOf(triggers);
    }

    /** Changes a webhook behind the installer's back, as an admin in Admin Center would. */
    public synchronized void editWebhook(String id, String field, Object value) {
        webhooks.get(id).put(field, value);
    }

    /** The signing secret Zendesk generated for a webhook. */
    public static String secretOf(String webhookId) {
        return "secret-of-" + webhookId;
    }

    /** Touches a ticket as another agent would: new tag, new updated_at. */
    public synchronized void tagConcurrently(long ticketId, String tag) {
        JsonObject ticket = tickets.get(ticketId);
        ticket.getJsonArray("tags").add(tag);
        ticket.put("updated_at", stamp());
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                handle(request, body);
            } catch (RuntimeException bug) {
                violations.add("the fake failed on " + request.method() + " " + request.path() + ": " + bug);
                answer(request, 500, new JsonObject().put("error", "FakeFailed").put("description", bug.toString()));
            }
        });
    }

    private void handle(HttpServerRequest request, Buffer body) {
        {
            String text = body.length() == 0 ? null : body.toString();
            Map<String, List<String>> query = new LinkedHashMap<>();
            request.params().names().forEach(name -> query.put(name, request.params().getAll(name)));
            String authorization = request.getHeader("Authorization");
            requests.add(new RecordedRequest(request.method().name(), request.path(), query, authorization, text, System.nanoTime()));
            Map<String, String> headers = new LinkedHashMap<>();
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            if (text != null && request.getHeader("Content-Type") != null) {
                headers.put("Content-Type", request.getHeader("Content-Type"));
            }
            List<String> problems = contract.violations(request.method().name(), request.path(), query, headers, text);
            if (!problems.isEmpty()) {
                violations.add(request.method() + " " + request.path() + " " + text + " -> " + problems);
                answer(request, 400, new JsonObject().put("error", "ContractViolation").put("description", String.join("; ", problems)));
                return;
            }
            if (authorization == null || !acceptedAuthorizations.contains(authorization)) {
                answer(request, 401, new JsonObject().put("error", "Couldn't authenticate you"));
                return;
            }
            CannedResponse next = nextCanned(request.method().name(), request.path());
            if (next != null) {
                next.headers().forEach(request.response()::putHeader);
                request.response().setStatusCode(next.status()).end(next.body());
                return;
            }
            route(request, text == null ? new JsonObject() : new JsonObject(text));
        }
    }

    private synchronized CannedResponse nextCanned(String method, String path) {
        for (Canned entry : canned) {
            if (entry.method().equals(method) && entry.path().equals(path)) {
                canned.remove(entry);
                return entry.response();
            }
        }
        return null;
    }

    private synchronized void route(HttpServerRequest request, JsonObject body) {
        String method = request.method().name();
        String path = request.path();
        if (!method.equals("GET") && beforeNextWrite != null) {
            Runnable change = beforeNextWrite;
            beforeNextWrite = null;
            change.run();
        }
        Matcher m;
        Matcher below = BELOW_TICKET.matcher(path);
        if (below.matches() && !tickets.containsKey(Long.parseLong(below.group(1)))) {
            answer(request, 404, new JsonObject().put("error", "RecordNotFound").put("description", "Not found"));
        } else if ((m = TICKET.matcher(path)).matches()) {
            JsonObject ticket = tickets.get(Long.parseLong(m.group(1)));
            if (ticket == null) {
                answer(request, 404, new JsonObject().put("error", "RecordNotFound").put("description", "Not found"));
            } else if (method.equals("GET")) {
                answer(request, 200, new JsonObject().put("ticket", ticket));
            } else {
                updateTicket(request, ticket, body.getJsonObject("ticket", new JsonObject()));
            }
        } else if ((m = TAGS.matcher(path)).matches()) {
            changeTags(request, tickets.get(Long.parseLong(m.group(1))), body, method.equals("PUT"));
        } else if ((m = COMMENTS.matcher(path)).matches()) {
            long ticketId = Long.parseLong(m.group(1));
            JsonArray sideloaded = new JsonArray();
            users.values().forEach(sideloaded::add);
            answer(request, 200, new JsonObject().put("comments", new JsonArray(new ArrayList<>(comments.get(ticketId))))
                    .put("users", sideloaded).put("next_page", null).put("previous_page", null)
                    .put("count", comments.get(ticketId).size()));
        } else if (path.equals("/api/v2/groups")) {
            answer(request, 200, new JsonObject().put("groups", new JsonArray(new ArrayList<>(groups.values())))
                    .put("next_page", null).put("previous_page", null).put("count", groups.size()));
        } else {
            FakeZendeskAdmin.route(this, request, method, path, body);
        }
    }

    private void updateTicket(HttpServerRequest request, JsonObject ticket, JsonObject changes) {
        if (conflicts(ticket, changes)) {
            answer(request, 409, new JsonObject().put("error", "UpdateConflict").put("description", "Safe Update prevented the update"));
            return;
        }
        long id = ticket.getLong("id");
        if (changes.getValue("comment") instanceof JsonObject comment) {
            addComment(id, API_USER_ID, comment.getString("body"), comment.getBoolean("public", true));
        }
        if (changes.getValue("email_ccs") instanceof JsonArray emailCcs) {
            emailCcs.forEach(cc -> ccs.get(id).add(((JsonObject) cc).getString("user_email")));
        }
        if (changes.containsKey("group_id")) {
            ticket.put("group_id", changes.getValue("group_id"));
        }
        ticket.put("updated_at", stamp());
        answer(request, 200, new JsonObject().put("ticket", ticket).put("audit", new JsonObject().put("id", ++sequence)));
    }

    private void changeTags(HttpServerRequest request, JsonObject ticket, JsonObject body, boolean add) {
        if (conflicts(ticket, body)) {
            answer(request, 409, new JsonObject().put("error", "UpdateConflict").put("description", "Safe Update prevented the update"));
            return;
        }
        JsonArray tags = ticket.getJsonArray("tags");
        for (Object tag : body.getJsonArray("tags", new JsonArray())) {
            if (add && !tags.contains(tag)) {
                tags.add(tag);
            } else if (!add) {
                tags.remove(tag);
            }
        }
        ticket.put("updated_at", stamp());
        if (add) {
            answer(request, 200, new JsonObject().put("tags", tags));
        } else {
            request.response().setStatusCode(204).end();
        }
    }

    private static boolean conflicts(JsonObject ticket, JsonObject body) {
        boolean safe = "true".equals(String.valueOf(body.getValue("safe_update")));
        return safe && !ticket.getString("updated_at").equals(body.getString("updated_stamp"));
    }

    synchronized String newWebhookId() {
        return "01HWEBHOOK" + (++sequence);
    }

    synchronized long newId() {
        return ++sequence;
    }

    Map<String, JsonObject> webhookState() {
        return webhooks;
    }

    Map<Long, JsonObject> triggerState() {
        return triggers;
    }

    static void answer(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(body.encode()));
    }

    private String stamp() {
        return Instant.parse("2025-01-08T10:00:00Z").plusSeconds(clock++).toString();
    }
}
