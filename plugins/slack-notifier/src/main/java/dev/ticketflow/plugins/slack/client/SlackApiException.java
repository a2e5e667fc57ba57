package dev.ticketflow.plugins.slack.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Slack did not take a message: {@code {"ok":false,"error":…}} from the Web API, or an error
 * status from an incoming webhook. The message names the route and Slack's error code; it never
 * holds the token or the webhook URL.
 */
public final class SlackApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final transient Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param route the route whose message failed
     * @param status the HTTP status
     * @param error Slack's error code ({@code channel_not_found}, {@code ratelimited}, …)
     * @param retryAfter the {@code Retry-After} delay, or {@code null}
     */
    public SlackApiException(String route, int status, String error, Duration retryAfter) {
        super("Slack refused the message of route '" + route + "': " + error + " (HTTP " + status + ")");
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** Slack's error code. */
    public String error() {
        return error;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Whether Slack rate-limited the call (so it certainly did not post). */
    public boolean rateLimited() {
        return status == 429 || "ratelimited".equals(error) || "rate_limited".equals(error);
    }

    /** How long Slack asked to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
