package dev.ticketflow.plugins.gitlab.config;

import java.util.List;

/**
 * The GitLab webhook endpoint.
 *
 * @param token the hook's secret token, compared with {@code X-Gitlab-Token}; {@code null} when
 *     not set
 * @param signingSecrets Standard Webhooks signing secrets ({@code whsec_…}) of GitLab 19+
 * @param publicUpdates whether linked tickets also get a public reply on a change
 */
public record WebhookSettings(String token, List<String> signingSecrets, boolean publicUpdates) {

    /** Copies the secrets. */
    public WebhookSettings {
        signingSecrets = List.copyOf(signingSecrets);
    }

    /** Whether any way to authenticate GitLab is configured. */
    public boolean configured() {
        return (token != null && !token.isEmpty()) || !signingSecrets.isEmpty();
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "WebhookSettings[token " + (token == null ? "unset" : "set") + ", " + signingSecrets.size()
                + " signing secret(s), publicUpdates=" + publicUpdates + "]";
    }
}
