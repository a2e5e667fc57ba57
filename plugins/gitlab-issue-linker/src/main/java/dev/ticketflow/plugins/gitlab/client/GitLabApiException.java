package dev.ticketflow.plugins.gitlab.client;

import java.time.Duration;
import java.util.Optional;

/**
 * GitLab answered with an error status. Carries what the retry policy needs: the status and,
 * for 429, how long GitLab asked us to wait.
 */
public final class GitLabApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param what the call that failed, for the message
     * @param status the HTTP status
     * @param body GitLab's error text (it never echoes the token)
     * @param retryAfter the parsed {@code Retry-After}, or {@code null}
     */
    public GitLabApiException(String what, int status, String body, Duration retryAfter) {
        super("GitLab " + what + " failed with HTTP " + status + ": " + abbreviate(body));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status GitLab answered with. */
    public int status() {
        return status;
    }

    /** How long GitLab asked to wait before the next try, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the request was rate-limited (and so certainly not applied). */
    public boolean rateLimited() {
        return status == 429;
    }

    /** Whether GitLab failed on its side (the request may or may not have been applied). */
    public boolean serverError() {
        return status >= 500;
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
