package dev.ticketflow.plugins.venting.classify;

import java.util.Locale;

/** What a customer message is, as far as de-escalation is concerned. */
public enum Label {
    /** An ordinary message. */
    NORMAL,
    /** A frustrated or angry customer letting off steam. */
    VENTING,
    /** A threat, harassment or abuse aimed at staff. */
    THREAT;

    /** The lower-case name used in JSON, rules files and tags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The label named by an id.
     *
     * @param id {@code normal}, {@code venting} or {@code threat}
     * @return the label
     * @throws IllegalArgumentException for any other id
     */
    public static Label ofId(String id) {
        for (Label label : values()) {
            if (label.id().equals(id)) {
                return label;
            }
        }
        throw new IllegalArgumentException("unknown label '" + id + "': use normal, venting or threat");
    }
}
