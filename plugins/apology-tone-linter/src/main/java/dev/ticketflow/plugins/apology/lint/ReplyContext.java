package dev.ticketflow.plugins.apology.lint;

import java.util.Locale;

/** What the ticket says about whose problem it was; decides whether an apology admits guilt. */
public enum ReplyContext {
    /** Something on the company's side went wrong (an outage, a bug): a sincere apology fits. */
    COMPANY_FAULT,
    /** The product works as intended, just not as the customer wanted. */
    WORKS_AS_INTENDED,
    /** The customer made the mistake (a typo, a wrong setting). */
    CUSTOMER_ERROR,
    /** Nothing is known; guilt is not judged. */
    UNKNOWN;

    /** The lower-case id used in JSON and config: {@code works_as_intended}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an apology here is unnecessary and fault wording admits guilt. */
    public boolean companyNotAtFault() {
        return this == WORKS_AS_INTENDED || this == CUSTOMER_ERROR;
    }

    /**
     * The context named by an id.
     *
     * @param id for example {@code customer_error}
     * @return the context
     * @throws IllegalArgumentException for an unknown id
     */
    public static ReplyContext ofId(String id) {
        for (ReplyContext context : values()) {
            if (context.id().equals(id)) {
                return context;
            }
        }
        throw new IllegalArgumentException("unknown context '" + id
                + "': use company_fault, works_as_intended, customer_error or unknown");
    }
}
