package dev.ticketflow.plugins.zendesk.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One configured Zendesk account.
 *
 * @param name the instance name: the last path segment of its webhook URL, and the suffix of the
 *     events' source ({@code zendesk:<name>})
 * @param baseUrl {@code https://<subdomain>.zendesk.com}, without a trailing slash
 * @param credentials empty when none are set: outbound calls then run dry
 * @param webhookSecrets the configured signing secrets (stored ones are looked up at run time)
 * @param requestsPerMinute the outbound rate limit
 * @param maxAttempts attempts per request on 429, 5xx and network errors
 * @param requestTimeout timeout of one request
 * @param retryBaseDelay the first back-off delay after a 5xx or network error; it doubles per
 *     attempt, with jitter, up to {@link #MAX_RETRY_DELAY}
 */
public record InstanceConfig(
        String name,
        String baseUrl,
        Optional<Credentials> credentials,
        List<String> webhookSecrets,
        int requestsPerMinute,
        int maxAttempts,
        Duration requestTimeout,
        Duration retryBaseDelay) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 400;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    public InstanceConfig {
        webhookSecrets = List.copyOf(webhookSecrets);
    }

    /** The source of events from this instance and of the tickets its port calls name. */
    public String source() {
        return "zendesk:" + name;
    }

    /** Whether outbound calls are only logged. */
    public boolean dryRun() {
        return credentials.isEmpty();
    }

    /** Where an agent opens a ticket; {@code null} for an unconfigured instance. */
    public String agentTicketUrl(String ticketId) {
        return baseUrl == null ? null : baseUrl + "/agent/tickets/" + ticketId;
    }

    /**
     * A stand-in for a source no instance is configured for, used only while no instance at all
     * is configured: a fresh installation then shows what the workflow would do, in dry-run.
     */
    public static InstanceConfig unconfigured(String name) {
        return new InstanceConfig(name, null, Optional.empty(), List.of(), DEFAULT_REQUESTS_PER_MINUTE,
                DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(30), Duration.ofMillis(500));
    }

    /**
     * Reads one instance's section. Empty credential values (an unset {@code ${ENV}}) count as
     * absent, so a fresh checkout runs dry instead of failing.
     */
    public static InstanceConfig fromJson(String name, JsonObject json) {
        String baseUrl = json.getString("baseUrl");
        String subdomain = json.getString("subdomain");
        if (baseUrl == null && subdomain == null) {
            throw new InvalidConfigException("instances." + name + ": set subdomain or baseUrl");
        }
        if (baseUrl == null) {
            baseUrl = "https://" + subdomain + ".zendesk.com";
        }
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new InvalidConfigException("instances." + name + ".baseUrl: not an absolute URL: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new InstanceConfig(
                name,
                baseUrl,
                credentials(json.getJsonObject("auth", new JsonObject())),
                secrets(json.getValue("webhookSecret")),
                json.getInteger("requestsPerMinute", DEFAULT_REQUESTS_PER_MINUTE),
                json.getInteger("maxAttempts", DEFAULT_MAX_ATTEMPTS),
                Duration.ofSeconds(json.getInteger("requestTimeoutSeconds", 30)),
                Duration.ofMillis(json.getInteger("retryBaseDelayMillis", 500)));
    }

    private static Optional<Credentials> credentials(JsonObject auth) {
        String oauth = auth.getString("oauthToken", "");
        if (!oauth.isBlank()) {
            return Optional.of(new Credentials.OAuth(oauth));
        }
        String email = auth.getString("email", "");
        String token = auth.getString("apiToken", "");
        if (!email.isBlank() && !token.isBlank()) {
            return Optional.of(new Credentials.ApiToken(email, token));
        }
        return Optional.empty();
    }

    private static List<String> secrets(Object value) {
        List<String> secrets = new ArrayList<>();
        if (value instanceof String secret) {
            secrets.add(secret);
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> secrets.add(String.valueOf(item)));
        }
        secrets.removeIf(String::isBlank);
        return secrets;
    }

    @Override
    public String toString() {
        return "InstanceConfig[" + name + ", " + baseUrl + ", "
                + credentials.map(Credentials::describe).orElse("dry-run") + ", "
                + webhookSecrets.size() + " webhook secret(s), " + requestsPerMinute + "/min]";
    }
}
