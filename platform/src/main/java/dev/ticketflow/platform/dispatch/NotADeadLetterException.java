package dev.ticketflow.platform.dispatch;

import dev.ticketflow.platform.PlatformException;

/** A retry was asked for a delivery that is not a dead letter (still open, succeeded, or already retried). */
public final class NotADeadLetterException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final long deliveryId;

    public NotADeadLetterException(long deliveryId, String why) {
        super("delivery " + deliveryId + " is not a dead letter: " + why);
        this.deliveryId = deliveryId;
    }

    public long deliveryId() {
        return deliveryId;
    }
}
