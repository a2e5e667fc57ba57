package dev.ticketflow.platform.intake;

/**
 * Why a request's Standard Webhooks signature was refused, for callers that answer differently
 * per check; {@link #detail()} says it in words fit for a problem's detail.
 *
 * @param check the check that failed
 * @param detail what exactly is wrong
 */
public record SignatureFailure(Check check, String detail) {

    /** The checks, in the order they are made. */
    public enum Check {
        /** The server has no secret, so it cannot verify anything. */
        NOT_CONFIGURED,
        /** One or more of the three {@code webhook-*} headers is missing. */
        MISSING_HEADERS,
        /** {@code webhook-timestamp} is not a Unix time in seconds. */
        INVALID_TIMESTAMP,
        /** {@code webhook-timestamp} is further in the past than the tolerance. */
        TIMESTAMP_TOO_OLD,
        /** {@code webhook-timestamp} is further in the future than the tolerance. */
        TIMESTAMP_TOO_NEW,
        /** No signature matches the body with any configured secret. */
        NO_MATCH
    }
}
