package dev.ticketflow.platform.dispatch;

import java.util.Locale;

/** Where one delivery of an event to a plugin stands. */
public enum DeliveryState {
    /** Not attempted yet, or being attempted. */
    PENDING,
    /** An attempt failed; the next one is due at the delivery's next attempt time. */
    RETRYING,
    /** The plugin handled the event. */
    SUCCEEDED,
    /** The last attempt failed: a dead letter, until an operator retries it. */
    DEAD;

    /** Whether the dispatcher still has to deliver it. */
    public boolean open() {
        return this == PENDING || this == RETRYING;
    }

    /** The lower-case name used in storage and in the admin API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire name.
     *
     * @param name {@code pending}, {@code retrying}, {@code succeeded} or {@code dead}, in any case
     * @return the state
     * @throws IllegalArgumentException naming the accepted values
     */
    public static DeliveryState fromWire(String name) {
        for (DeliveryState state : values()) {
            if (state.name().equalsIgnoreCase(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a delivery state; use pending, retrying,"
                + " succeeded or dead");
    }
}
