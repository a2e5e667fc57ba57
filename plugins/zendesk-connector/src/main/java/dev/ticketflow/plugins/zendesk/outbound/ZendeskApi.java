package dev.ticketflow.plugins.zendesk.outbound;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.ticketflow.api.Log;
import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;

/**
 * The Zendesk Support API of one instance: authenticated JSON requests, kept under the
 * instance's request rate, retried on 429 (after {@code Retry-After}), 5xx and network errors.
 * Other error answers fail with a {@link ZendeskApiException} carrying Zendesk's message.
 *
 * <p>Retries and the rate limiter are Failsafe policies run on a {@link VertxScheduler}, so a
 * wait is a Vert.x timer and never a blocked thread.
 */
public final class ZendeskApi {

    /** A {@code Retry-After} longer than this fails the call instead of holding it. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final WebClient client;
    private final InstanceConfig instance;
    private final Credentials credentials;
    private final Context context;
    private final Log log;
    private final FailsafeExecutor<HttpResponse<Buffer>> executor;

    public ZendeskApi(WebClient client, Context context, InstanceConfig instance, Log log) {
        this.client = client;
        this.instance = instance;
        this.credentials = instance.credentials().orElseThrow(
                () -> new IllegalArgumentException("instance " + instance.name() + " has no credentials"));
        this.context = context;
        this.log = log;
        RetryDelays delays = new RetryDelays(instance.retryBaseDelay(), InstanceConfig.MAX_RETRY_DELAY);
        RetryPolicy<HttpResponse<Buffer>> retry = RetryPolicy.<HttpResponse<Buffer>>builder()
                .handleResultIf(response -> isRetryable(response.statusCode()))
                .handleIf(failure -> !(failure instanceof RateLimitExceededException))
                .abortIf(response -> RetryDelays.retryAfter(response)
                        .map(wait -> wait.compareTo(MAX_RETRY_AFTER) > 0).orElse(false))
                .withMaxAttempts(instance.maxAttempts())
                .withDelayFn(attempt -> delays.next(attempt.getLastResult(), attempt.getAttemptCount()))
                .onRetry(event -> log.warn("Zendesk {}: attempt {} failed ({}), retrying",
                        instance.name(), event.getAttemptCount(), outcome(event.getLastResult(), event.getLastException())))
                .build();
        RateLimiter<HttpResponse<Buffer>> rateLimiter = RateLimiter
                .<HttpResponse<Buffer>>smoothBuilder(instance.requestsPerMinute(), Duration.ofMinutes(1))
                .withMaxWaitTime(MAX_RETRY_AFTER)
                .build();
        // retry outside the limiter: every attempt, first or retried, takes a permit
        this.executor = Failsafe.with(retry, rateLimiter).with(new VertxScheduler(context));
    }

    /** The instance this client talks to. */
    public InstanceConfig instance() {
        return instance;
    }

    public Future<JsonObject> get(String path) {
        return request(HttpMethod.GET, path, Map.of(), null);
    }

    public Future<JsonObject> get(String path, Map<String, String> query) {
        return request(HttpMethod.GET, path, query, null);
    }

    public Future<JsonObject> put(String path, JsonObject body) {
        return request(HttpMethod.PUT, path, Map.of(), body);
    }

    public Future<JsonObject> post(String path, JsonObject body) {
        return request(HttpMethod.POST, path, Map.of(), body);
    }

    public Future<JsonObject> delete(String path, JsonObject body) {
        return request(HttpMethod.DELETE, path, Map.of(), body);
    }

    /**
     * Sends a request and answers the JSON body of a 2xx answer (empty for 204).
     *
     * @param path the path below the instance's base URL, e.g. {@code /api/v2/tickets/1}
     */
    public Future<JsonObject> request(HttpMethod method, String path, Map<String, String> query, JsonObject body) {
        Future<HttpResponse<Buffer>> answered = Future.fromCompletionStage(
                executor.getStageAsync(() -> sendOnce(method, path, query, body).toCompletionStage()), context);
        return answered
                .recover(failure -> Future.failedFuture(networkFailure(method, path, failure)))
                .compose(response -> interpret(method, path, response));
    }

    private Future<HttpResponse<Buffer>> sendOnce(HttpMethod method, String path, Map<String, String> query, JsonObject body) {
        HttpRequest<Buffer> request = client.requestAbs(method, instance.baseUrl() + path)
                .putHeader("Authorization", credentials.authorizationHeader())
                .putHeader("Accept", "application/json")
                .timeout(instance.requestTimeout().toMillis());
        query.forEach(request::addQueryParam);
        return body == null ? request.send() : request.sendJsonObject(body);
    }

    private Future<JsonObject> interpret(HttpMethod method, String path, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Buffer body = response.body();
            return Future.succeededFuture(body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject());
        }
        String zendeskError = ZendeskErrors.describe(status, response.body());
        return Future.failedFuture(new ZendeskApiException(instance.name(), status, zendeskError,
                explain(method, path, status, zendeskError, response)));
    }

    private String explain(HttpMethod method, String path, int status, String zendeskError, HttpResponse<Buffer> response) {
        String call = "Zendesk instance '" + instance.name() + "' answered " + status + " to " + method + " " + path;
        return switch (status) {
            case 401 -> "Zendesk instance '" + instance.name() + "' refused the credentials (" + status + " "
                    + zendeskError + "): check auth of instances." + instance.name() + " (" + credentials.describe() + ")";
            case 403 -> call + ": " + zendeskError + " (the " + credentials.describe() + " lacks the permission)";
            case 429 -> call + ": still rate limited"
                    + RetryDelays.retryAfter(response).map(wait -> " (Retry-After " + wait.toSeconds() + " s)").orElse("")
                    + ": " + zendeskError;
            default -> status >= 500
                    ? call + " after " + instance.maxAttempts() + " attempts: " + zendeskError
                    : call + ": " + zendeskError;
        };
    }

    private Throwable networkFailure(HttpMethod method, String path, Throwable failure) {
        if (failure instanceof ZendeskApiException) {
            return failure;
        }
        String why = failure instanceof RateLimitExceededException
                ? "the request waited longer than " + MAX_RETRY_AFTER.toSeconds() + " s for the rate limit of "
                        + instance.requestsPerMinute() + "/min"
                : "no answer after " + instance.maxAttempts() + " attempts: " + failure;
        return new ZendeskApiException(instance.name(), 0, why,
                "Zendesk instance '" + instance.name() + "' could not be reached for " + method + " " + path + ": " + why);
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    private static String outcome(HttpResponse<Buffer> response, Throwable failure) {
        return response != null ? "HTTP " + response.statusCode() : String.valueOf(failure);
    }
}
