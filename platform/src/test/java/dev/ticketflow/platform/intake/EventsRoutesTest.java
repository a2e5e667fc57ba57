package dev.ticketflow.platform.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.http.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /events} and {@code GET /openapi.yaml} over real HTTP, on a whole server. */
@ExtendWith(VertxExtension.class)
class EventsRoutesTest {

    static final String SECRET = secret("the current secret of the sender");
    static final String NEXT_SECRET = secret("the secret the sender rotates to");
    static final String CREATED = """
            {"type": "ticket.created", "source": "zendesk:acme",
             "ticket": {"id": "12345", "subject": "Broken on arrival", "status": "new", "tags": ["order"]}}""";

    @TempDir
    Path base;

    private TicketflowServer server;
    private WebClient client;
    private final BlockingQueue<TicketEvent> published = new LinkedBlockingQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();

    @BeforeEach
    void start(Vertx vertx) {
        vertx.eventBus().<TicketEvent>consumer(Addresses.EVENTS_ACCEPTED, m -> published.add(m.body()));
        server = TicketflowServer.start(vertx, TicketflowConfig.defaults(base).withHttpPort(0)
                .withWebhookSecrets(List.of(SECRET, NEXT_SECRET))).await();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close().await();
    }

    @Test
    void aValidEventIsAcceptedUnderANewIdWhenItHasNone() throws Exception {
        HttpResponse<Buffer> response = send(CREATED, SECRET, nextMessageId(), now());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        String id = response.bodyAsJsonObject().getString("id");
        assertThat(id).matches("evt_[0-9a-f]{32}");
        TicketEvent dispatched = nextPublished();
        assertThat(dispatched.id()).isEqualTo(id);
        assertThat(dispatched.ticketId()).isEqualTo("12345");
        assertThat(dispatched.occurredAt()).isNotNull();
    }

    @Test
    void anEventIdInTheBodyIsKept() throws Exception {
        String body = new JsonObject(CREATED).put("id", "evt_chosen_by_sender").encode();

        HttpResponse<Buffer> response = send(body, SECRET, nextMessageId(), now());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo("evt_chosen_by_sender");
        assertThat(nextPublished().id()).isEqualTo("evt_chosen_by_sender");
    }

    @Test
    void aRepeatedWebhookIdAnswersTheFirstIdAndIsDispatchedOnce() throws Exception {
        String first = send(CREATED, SECRET, "msg_repeated", now()).bodyAsJsonObject().getString("id");

        HttpResponse<Buffer> again = send(CREATED, SECRET, "msg_repeated", now());
        String marker = send(CREATED, SECRET, "msg_after", now()).bodyAsJsonObject().getString("id");

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(first);
        // publications arrive in order: had the repeat been dispatched, it would come before the marker
        assertThat(nextPublished().id()).isEqualTo(first);
        assertThat(nextPublished().id()).isEqualTo(marker);
        assertThat(server.metrics().scrape()).contains("outcome=\"duplicate\"} 1.0");
    }

    @Test
    void bothSecretsOfARotationAreAccepted() {
        assertThat(send(CREATED, SECRET, nextMessageId(), now()).statusCode()).isEqualTo(202);
        assertThat(send(CREATED, NEXT_SECRET, nextMessageId(), now()).statusCode()).isEqualTo(202);
    }

    @Test
    void missingSignatureHeadersAreRefusedNamingThem() {
        HttpResponse<Buffer> none = post("application/json").sendBuffer(Buffer.buffer(CREATED)).await();
        HttpResponse<Buffer> noSignature = post("application/json")
                .putHeader(StandardWebhooks.ID_HEADER, "msg_1")
                .putHeader(StandardWebhooks.TIMESTAMP_HEADER, String.valueOf(now()))
                .sendBuffer(Buffer.buffer(CREATED)).await();

        JsonObject all = assertProblem(none, 401, "missing-signature-headers");
        assertThat(all.getString("detail")).contains("webhook-id, webhook-timestamp, webhook-signature");
        JsonObject one = assertProblem(noSignature, 401, "missing-signature-headers");
        assertThat(one.getString("detail")).contains("missing header(s): webhook-signature;");
    }

    @Test
    void aSignatureWithAnUnknownSecretIsRefused() {
        HttpResponse<Buffer> response = send(CREATED, secret("someone else"), nextMessageId(), now());

        assertThat(assertProblem(response, 401, "signature-mismatch").getString("detail"))
                .contains("does not match");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String id = nextMessageId();
        long timestamp = now();
        String signature = StandardWebhooks.sign(SECRET, id, timestamp, CREATED.getBytes(StandardCharsets.UTF_8));

        HttpResponse<Buffer> response = signedPost(id, timestamp, signature, "application/json")
                .sendBuffer(Buffer.buffer(CREATED.replace("12345", "99999"))).await();

        assertProblem(response, 401, "signature-mismatch");
    }

    @Test
    void aStaleTimestampIsRefused() {
        HttpResponse<Buffer> response = send(CREATED, SECRET, nextMessageId(), now() - 600);

        assertThat(assertProblem(response, 401, "stale-timestamp").getString("detail"))
                .contains("older than the server's clock");
    }

    @Test
    void aTimestampFromTheFutureIsRefused() {
        HttpResponse<Buffer> response = send(CREATED, SECRET, nextMessageId(), now() + 600);

        assertThat(assertProblem(response, 401, "stale-timestamp").getString("detail"))
                .contains("ahead of the server's clock");
    }

    @Test
    void malformedJsonIsRefusedWithItsLocation() {
        HttpResponse<Buffer> response = send("{\"type\": \"ticket.created\",\n \"ticket\": }", SECRET,
                nextMessageId(), now());

        JsonObject problem = assertProblem(response, 400, "malformed-json");
        assertThat(problem.getInteger("line")).isEqualTo(2);
        assertThat(problem.getString("detail")).contains("line 2, column");
    }

    @Test
    void anEmptyBodyIsMalformedJson() {
        assertProblem(send("", SECRET, nextMessageId(), now()), 400, "malformed-json");
    }

    static Stream<Arguments> schemaViolations() {
        return Stream.of(
                Arguments.of("a numeric ticket id", CREATED.replace("\"12345\"", "12345"), "/ticket/id"),
                Arguments.of("no ticket", "{\"type\": \"ticket.created\"}", "/ticket"),
                Arguments.of("an upper-case status", CREATED.replace("\"new\"", "\"New\""), "/ticket/status"),
                Arguments.of("a tag that is no string", CREATED.replace("[\"order\"]", "[\"order\", 7]"), "/ticket/tags/1"),
                Arguments.of("a time that is no date-time", new JsonObject(CREATED).put("occurredAt", "yesterday").encode(), "/occurredAt"),
                Arguments.of("a comment event without comment", CREATED.replace("ticket.created", "ticket.comment_added"), "/comment"),
                Arguments.of("a rating event without rating", CREATED.replace("ticket.created", "ticket.rated"), "/rating"),
                Arguments.of("a rating score out of the scale", new JsonObject(CREATED).put("type", "ticket.rated")
                        .put("rating", new JsonObject().put("score", "great")).encode(), "/rating/score"),
                Arguments.of("a comment author without role", new JsonObject(CREATED).put("comment", new JsonObject()
                        .put("body", "hi").put("author", new JsonObject().put("name", "Jane"))).encode(), "/comment/author/role"));
    }

    @ParameterizedTest(name = "{0} is refused naming {2}")
    @MethodSource("schemaViolations")
    void aSchemaViolationIsRefusedNamingTheField(String what, String body, String field) {
        HttpResponse<Buffer> response = send(body, SECRET, nextMessageId(), now());

        JsonObject problem = assertProblem(response, 400, "schema-violation");
        assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .contains(field);
        assertThat(problem.getString("detail")).contains(field);
        assertThat(published).isEmpty();
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheKnownTypes() {
        HttpResponse<Buffer> response = send(CREATED.replace("ticket.created", "ticket.exploded"), SECRET,
                nextMessageId(), now());

        JsonObject problem = assertProblem(response, 400, "unknown-event-type");
        assertThat(problem.getJsonArray("knownTypes")).containsExactly("ticket.created", "ticket.updated",
                "ticket.comment_added", "ticket.solved", "ticket.reopened", "ticket.rated");
        assertThat(problem.getString("detail")).contains("ticket.exploded", "ticket.comment_added");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        byte[] huge = new byte[(int) TicketflowConfig.DEFAULT_MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        HttpResponse<Buffer> response = post("application/json").sendBuffer(Buffer.buffer(huge)).await();

        JsonObject problem = assertProblem(response, 413, "body-too-large");
        assertThat(problem.getLong("limit")).isEqualTo(TicketflowConfig.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413WithoutReadingItAll(Vertx vertx) {
        HttpClient http = vertx.createHttpClient();
        HttpClientRequest request = http.request(HttpMethod.POST, server.port(), "localhost", EventsRoutes.PATH)
                .await();
        request.setChunked(true).putHeader("Content-Type", "application/json");
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        // twice the limit; the writes stop mattering once the server has answered
        for (int i = 0; i < 32; i++) {
            request.write(chunk);
        }
        request.end();

        HttpClientResponse response = request.response().await();

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        http.close().await();
    }

    @Test
    void textPlainIsRefusedWith415() {
        HttpResponse<Buffer> response = send(CREATED, SECRET, nextMessageId(), now(), "text/plain");

        assertThat(assertProblem(response, 415, "unsupported-media-type").getString("detail"))
                .contains("text/plain");
    }

    @Test
    void jsonWithAUtf8CharsetIsAcceptedAndAnotherCharsetIsNot() {
        assertThat(send(CREATED, SECRET, nextMessageId(), now(), "application/json; charset=UTF-8").statusCode())
                .isEqualTo(202);
        assertProblem(send(CREATED, SECRET, nextMessageId(), now(), "application/json; charset=latin1"), 415,
                "unsupported-media-type");
    }

    @Test
    void anotherMethodOnTheIntakeIsAnsweredAsAProblem() {
        HttpResponse<Buffer> response = client.get(server.port(), "localhost", EventsRoutes.PATH).send().await();

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.getHeader("Allow")).isEqualTo("POST");
    }

    @Test
    void outcomesAreCounted() {
        send(CREATED, SECRET, nextMessageId(), now());
        send(CREATED, SECRET, nextMessageId(), now() - 3600);

        assertThat(server.metrics().scrape())
                .contains("ticketflow_intake_requests_total{outcome=\"accepted\"} 1.0")
                .contains("ticketflow_intake_requests_total{outcome=\"stale-timestamp\"} 1.0");
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<Buffer> response = client.get(server.port(), "localhost", EventsRoutes.OPENAPI_PATH)
                .send().await();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
        JsonNode document = new YAMLMapper().readTree(response.body().getBytes());
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/paths/~1events/post/responses").fieldNames())
                .toIterable().contains("202", "400", "401", "413", "415", "503");
        assertThat(document.at("/paths").fieldNames()).toIterable()
                .contains("/health", "/ready", "/metrics");
    }

    // --- helpers ---

    private HttpResponse<Buffer> send(String body, String secret, String messageId, long timestamp) {
        return send(body, secret, messageId, timestamp, "application/json");
    }

    private HttpResponse<Buffer> send(String body, String secret, String messageId, long timestamp,
            String contentType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = StandardWebhooks.sign(secret, messageId, timestamp, bytes);
        return signedPost(messageId, timestamp, signature, contentType).sendBuffer(Buffer.buffer(bytes)).await();
    }

    private HttpRequest<Buffer> signedPost(String messageId, long timestamp, String signature, String contentType) {
        return post(contentType)
                .putHeader(StandardWebhooks.ID_HEADER, messageId)
                .putHeader(StandardWebhooks.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE_HEADER, signature);
    }

    private HttpRequest<Buffer> post(String contentType) {
        return client.post(server.port(), "localhost", EventsRoutes.PATH).putHeader("Content-Type", contentType);
    }

    static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("type")).endsWith("/" + slug);
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }

    private TicketEvent nextPublished() throws InterruptedException {
        TicketEvent event = published.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event published on " + Addresses.EVENTS_ACCEPTED).isNotNull();
        return event;
    }

    private String nextMessageId() {
        return "msg_" + messageIds.incrementAndGet();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String secret(String key) {
        return "whsec_" + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

}
