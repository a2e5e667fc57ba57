package dev.ticketflow.plugins.gitlab.client;

import java.time.Duration;

/**
 * Where GitLab is and how to authenticate.
 *
 * @param baseUrl the instance, e.g. {@code https://gitlab.example.com}; the API is under
 *     {@code /api/v4}
 * @param token a personal, project, group or OAuth token
 * @param bearer {@code true} to send {@code Authorization: Bearer}, {@code false} for
 *     {@code PRIVATE-TOKEN}
 * @param timeout per request
 * @param retry the retry policy
 */
public record GitLabConnection(String baseUrl, String token, boolean bearer, Duration timeout, RetryPolicy retry) {

    /** Drops a trailing slash so paths join cleanly. */
    public GitLabConnection {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The REST root. */
    public String apiUrl() {
        return baseUrl + "/api/v4";
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GitLabConnection[" + baseUrl + ", " + (bearer ? "Bearer" : "PRIVATE-TOKEN") + "]";
    }
}
