package dev.ticketflow.platform.dispatch;

import dev.ticketflow.platform.PlatformException;

/** No delivery (or no event, for a replay) with that id is stored. */
public final class UnknownDeliveryException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String id;

    public UnknownDeliveryException(String what, String id) {
        super("no " + what + " '" + id + "' is stored");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
