package dev.ticketflow.plugins.zendesk.inbound;

/** The outcome of checking a Zendesk webhook's signature; each failure names the check. */
public enum SignatureCheck {
    VALID(null),
    NO_SECRET("no signing secret is configured for this instance: set webhookSecret or run the installer"),
    MISSING_SIGNATURE("the X-Zendesk-Webhook-Signature header is missing"),
    MISSING_TIMESTAMP("the X-Zendesk-Webhook-Signature-Timestamp header is missing"),
    MALFORMED_TIMESTAMP("the X-Zendesk-Webhook-Signature-Timestamp header is not an ISO-8601 instant"),
    STALE_TIMESTAMP("the X-Zendesk-Webhook-Signature-Timestamp is outside the replay window"),
    MISMATCH("the X-Zendesk-Webhook-Signature does not match the body and timestamp for any configured secret");

    private final String detail;

    SignatureCheck(String detail) {
        this.detail = detail;
    }

    /** What failed, for the problem's detail; {@code null} when valid. */
    public String detail() {
        return detail;
    }
}
