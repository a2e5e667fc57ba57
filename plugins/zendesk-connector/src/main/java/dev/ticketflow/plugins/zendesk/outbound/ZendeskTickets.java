package dev.ticketflow.plugins.zendesk.outbound;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.TicketSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The help-desk actions on one Zendesk instance, in Support API calls.
 *
 * <p>Tags go through the tag endpoints as safe updates: the ticket is read, only the missing
 * (or present, for removal) tags are sent with the ticket's {@code updated_at} as
 * {@code updated_stamp}, and a 409 (someone changed the ticket meanwhile) re-reads and tries
 * again. So tags set concurrently by agents or other integrations are never lost, and a
 * repeated call changes nothing.
 */
public final class ZendeskTickets {

    static final int MAX_CONFLICT_ATTEMPTS = 5;
    private static final int MAX_COMMENT_PAGES = 10;

    private final ZendeskApi api;
    private final Context context;
    private final GroupDirectory groups;
    private final FailsafeExecutor<Void> onConflict;

    public ZendeskTickets(ZendeskApi api, Context context) {
        this.api = api;
        this.context = context;
        this.groups = new GroupDirectory(api);
        RetryPolicy<Void> retryConflicts = RetryPolicy.<Void>builder()
                .handleIf(failure -> failure instanceof ZendeskApiException e && e.isConflict())
                .withMaxAttempts(MAX_CONFLICT_ATTEMPTS)
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                .withJitter(0.5)
                .build();
        this.onConflict = Failsafe.with(retryConflicts).with(new VertxScheduler(context));
    }

    public Future<Void> addTags(String ticketId, List<String> tags) {
        return safely(() -> changeTags(ticketId, tags, true));
    }

    public Future<Void> removeTags(String ticketId, List<String> tags) {
        return safely(() -> changeTags(ticketId, tags, false));
    }

    public Future<Void> addComment(String ticketId, String body, boolean isPublic) {
        // always send "public": Zendesk otherwise keeps the visibility of the ticket's first comment
        JsonObject comment = new JsonObject().put("body", body).put("public", isPublic);
        return update(ticketId, new JsonObject().put("comment", comment));
    }

    public Future<Void> addCc(String ticketId, List<String> emails) {
        JsonArray ccs = new JsonArray();
        emails.forEach(email -> ccs.add(new JsonObject().put("user_email", email).put("action", "put")));
        return update(ticketId, new JsonObject().put("email_ccs", ccs));
    }

    /**
     * Assigns a group given by id or by name.
     *
     * Fails with {@link UnknownGroupException} when no group has that name.
     */
    public Future<Void> assignGroup(String ticketId, String group) {
        String trimmed = group.strip();
        Future<Long> groupId = trimmed.matches("[0-9]{1,19}")
                ? Future.succeededFuture(Long.parseLong(trimmed))
                : groups.idOf(trimmed).compose(found -> found
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(new UnknownGroupException(api.instance().name(), trimmed))));
        return groupId.compose(id -> update(ticketId, new JsonObject().put("group_id", id)));
    }

    public Future<TicketSnapshot> read(String ticketId) {
        Future<JsonObject> ticket = api.get(ticketPath(ticketId)).map(json -> json.getJsonObject("ticket", new JsonObject()));
        List<JsonObject> comments = new ArrayList<>();
        Map<String, JsonObject> users = new HashMap<>();
        Future<Void> allComments = commentPage(ticketId, Map.of("include", "users"), comments, users, 1);
        return Future.all(ticket, allComments).map(done -> {
            JsonObject json = ticket.result();
            Ticket mapped = TicketJson.ticket(json, api.instance(), users);
            String requesterId = mapped.requester() == null ? null : mapped.requester().id();
            List<Comment> mappedComments = comments.stream()
                    .map(comment -> TicketJson.comment(comment, requesterId, users))
                    .toList();
            return new TicketSnapshot(mapped, mappedComments);
        });
    }

    private Future<Void> commentPage(String ticketId, Map<String, String> query, List<JsonObject> comments,
            Map<String, JsonObject> users, int number) {
        return api.get(ticketPath(ticketId) + "/comments", query).compose(page -> {
            page.getJsonArray("comments", new JsonArray()).forEach(item -> comments.add((JsonObject) item));
            users.putAll(TicketJson.usersById(page.getJsonArray("users")));
            Optional<Map<String, String>> next = Pagination.nextPageQuery(page);
            return next.isPresent() && number < MAX_COMMENT_PAGES
                    ? commentPage(ticketId, next.get(), comments, users, number + 1)
                    : Future.succeededFuture();
        });
    }

    private Future<Void> changeTags(String ticketId, List<String> tags, boolean add) {
        return api.get(ticketPath(ticketId)).compose(json -> {
            JsonObject ticket = json.getJsonObject("ticket", new JsonObject());
            Set<String> current = new LinkedHashSet<>();
            ticket.getJsonArray("tags", new JsonArray()).forEach(tag -> current.add(String.valueOf(tag)));
            List<String> needed = new LinkedHashSet<>(tags).stream()
                    .filter(tag -> add != current.contains(tag))
                    .toList();
            if (needed.isEmpty()) {
                return Future.<Void>succeededFuture();
            }
            JsonObject body = new JsonObject().put("tags", new JsonArray(needed));
            String updatedAt = ticket.getString("updated_at");
            if (updatedAt != null) {
                body.put("updated_stamp", updatedAt).put("safe_update", "true");
            }
            String path = ticketPath(ticketId) + "/tags";
            return (add ? api.put(path, body) : api.delete(path, body)).<Void>mapEmpty();
        });
    }

    private Future<Void> update(String ticketId, JsonObject changes) {
        return api.put(ticketPath(ticketId), new JsonObject().put("ticket", changes)).mapEmpty();
    }

    private Future<Void> safely(Supplier<Future<Void>> attempt) {
        return Future.fromCompletionStage(onConflict.getStageAsync(() -> attempt.get().toCompletionStage()), context);
    }

    private static String ticketPath(String ticketId) {
        return "/api/v2/tickets/" + ticketId;
    }
}
