package dev.ticketflow.api;

/**
 * A port call that failed after it was allowed: no provider, a vendor error, a time-out.
 *
 * @since 0.1
 */
public final class PortCallException extends PluginApiException {

    private static final long serialVersionUID = 1L;

    private final FailureCode failureCode;

    /**
     * Creates the exception.
     *
     * @param failureCode why it failed
     * @param message what failed, in the provider's words where it gave any
     * @since 0.1
     */
    public PortCallException(FailureCode failureCode, String message) {
        super(message);
        this.failureCode = failureCode;
    }

    /**
     * Why the call failed.
     *
     * @return the failure code
     * @since 0.1
     */
    public FailureCode failureCode() {
        return failureCode;
    }
}
