package dev.ticketflow.plugins.slack.fakes;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack on a real port: {@code POST /api/chat.postMessage} validated against Slack's published
 * contract (plus the bearer token the contract cannot express), and incoming webhooks under
 * {@code /services/…}. Answers can be scripted: {@code ok:false} errors, 429 with Retry-After,
 * webhook error statuses. Every accepted message is kept.
 */
public final class FakeSlack {

    /** A scripted answer: an HTTP status, a body and an optional Retry-After. */
    public record Answer(int status, String body, String retryAfter) {
        public static Answer error(String code) {
            return new Answer(200, new JsonObject().put("ok", false).put("error", code).encode(), null);
        }

        public static Answer rateLimited(String seconds) {
            return new Answer(429, "", seconds);
        }
    }

    public static final String WEBHOOK_PATH = "/services/T0123ABCD/B0123ABCD/abcdefghijklmnop";

    public final List<JsonObject> posted = new CopyOnWriteArrayList<>();
    public final List<JsonObject> webhookPosts = new CopyOnWriteArrayList<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<Long> requestTimes = new CopyOnWriteArrayList<>();
    public final Deque<Answer> answers = new ArrayDeque<>();

    private final String botToken;
    private final AtomicLong ts = new AtomicLong(1_503_435_956_000_247L);
    private HttpServer server;

    private FakeSlack(String botToken) {
        this.botToken = botToken;
    }

    public static Future<FakeSlack> start(Vertx vertx, String botToken) {
        SlackContract.validator();
        FakeSlack slack = new FakeSlack(botToken);
        return vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> slack.handle(request, body)))
                .listen(0, "127.0.0.1")
                .map(server -> {
                    slack.server = server;
                    return slack;
                });
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/api";
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + server.actualPort() + WEBHOOK_PATH;
    }

    public Future<Void> close() {
        return server.close();
    }

    private synchronized void handle(HttpServerRequest request, Buffer body) {
        requestTimes.add(System.nanoTime());
        if (request.path().equals(WEBHOOK_PATH)) {
            webhook(request, body);
        } else if (request.path().equals("/api/chat.postMessage")) {
            postMessage(request, body);
        } else {
            violations.add("unknown path " + request.path());
            request.response().setStatusCode(404).end();
        }
    }

    private void postMessage(HttpServerRequest request, Buffer body) {
        String contentType = request.getHeader("Content-Type");
        SimpleRequest.Builder builder = SimpleRequest.Builder.post(request.path()).withBody(body.toString());
        request.headers().forEach(header -> builder.withHeader(header.getKey(), header.getValue()));
        ValidationReport report = SlackContract.validator().validateRequest(builder.build());
        if (report.hasErrors()) {
            violations.add("chat.postMessage violates the contract: " + report.getMessages());
        }
        if (!("Bearer " + botToken).equals(request.getHeader("Authorization"))) {
            violations.add("chat.postMessage without Authorization: Bearer <bot token>");
            reply(request, 200, new JsonObject().put("ok", false).put("error", "not_authed").encode(), null);
            return;
        }
        if (contentType == null || !contentType.startsWith("application/json")) {
            violations.add("chat.postMessage without a JSON content type: " + contentType);
        }
        Answer answer = answers.poll();
        if (answer != null) {
            reply(request, answer.status(), answer.body(), answer.retryAfter());
            return;
        }
        JsonObject message = body.toJsonObject();
        posted.add(message);
        String messageTs = String.format("%d.%06d", ts.get() / 1_000_000, ts.getAndIncrement() % 1_000_000);
        JsonObject ok = new JsonObject().put("ok", true).put("channel", "C0123456789").put("ts", messageTs)
                .put("message", new JsonObject().put("type", "message").put("subtype", "bot_message")
                        .put("text", message.getString("text")).put("ts", messageTs)
                        .put("username", "ticketflow"));
        ValidationReport responseReport = SlackContract.validator().validateResponse(request.path(), Request.Method.POST,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(ok.encode()).build());
        if (responseReport.hasErrors()) {
            violations.add("the fake's own answer violates the contract: " + responseReport.getMessages());
        }
        reply(request, 200, ok.encode(), null);
    }

    private void webhook(HttpServerRequest request, Buffer body) {
        Answer answer = answers.poll();
        if (answer != null) {
            reply(request, answer.status(), answer.body(), answer.retryAfter());
            return;
        }
        JsonObject message;
        try {
            message = body.toJsonObject();
        } catch (RuntimeException e) {
            reply(request, 400, "invalid_payload", null);
            return;
        }
        if (message.getString("text") == null && message.getValue("blocks") == null) {
            reply(request, 400, "no_text", null);
            return;
        }
        webhookPosts.add(message);
        reply(request, 200, "ok", null);
    }

    private static void reply(HttpServerRequest request, int status, String body, String retryAfter) {
        if (retryAfter != null) {
            request.response().putHeader("Retry-After", retryAfter);
        }
        request.response().setStatusCode(status)
                .putHeader("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain")
                .end(body);
    }
}
