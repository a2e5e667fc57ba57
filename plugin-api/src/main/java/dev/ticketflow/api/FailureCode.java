package dev.ticketflow.api;

/**
 * Why a port call failed: the failure code of the event-bus reply and of
 * {@link PortCallException}.
 *
 * @since 0.1
 */
public enum FailureCode {
    /** The plugin did not declare the permission. @since 0.1 */
    PERMISSION_DENIED(403),
    /** No plugin provides the port (no help-desk connector loaded, no SMTP configured). @since 0.1 */
    NO_PROVIDER(503),
    /** The request was invalid (unknown ticket, bad argument). @since 0.1 */
    INVALID_REQUEST(400),
    /** The vendor refused or failed the call after retries. @since 0.1 */
    VENDOR_ERROR(502),
    /** The call did not complete in time. @since 0.1 */
    TIMEOUT(504),
    /** Anything else. @since 0.1 */
    INTERNAL(500);

    private final int code;

    FailureCode(int code) {
        this.code = code;
    }

    /**
     * The numeric code carried on the event bus.
     *
     * @return the code
     * @since 0.1
     */
    public int code() {
        return code;
    }

    /**
     * The failure code for a numeric code.
     *
     * @param code the numeric code
     * @return the failure code, {@link #INTERNAL} when unknown
     * @since 0.1
     */
    public static FailureCode of(int code) {
        for (FailureCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        return INTERNAL;
    }
}
