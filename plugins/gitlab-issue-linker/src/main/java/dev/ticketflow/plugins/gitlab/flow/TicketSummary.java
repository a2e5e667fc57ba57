package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.event.Person;
import java.util.regex.Pattern;

/**
 * The short summary of a customer's message that goes to GitLab. Unless customer details are
 * allowed, e-mail addresses, phone-like numbers and the requester's own name are replaced, so an
 * issue (possibly public) does not carry who the customer is.
 */
public final class TicketSummary {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{6,}\\d");

    private TicketSummary() {}

    /**
     * Summarises.
     *
     * @param subject the ticket subject, may be {@code null}
     * @param message the customer's message, may be {@code null}
     * @param requester the customer, may be {@code null}
     * @param keepPersonalData whether to leave names, addresses and numbers in
     * @param maxLength the longest summary
     * @return one line of text
     */
    public static String of(String subject, String message, Person requester, boolean keepPersonalData, int maxLength) {
        String text = message == null || message.isBlank() ? nullToEmpty(subject) : message;
        text = text.replaceAll("\\s+", " ").strip();
        if (!keepPersonalData) {
            text = EMAIL.matcher(text).replaceAll("[e-mail]");
            text = PHONE.matcher(text).replaceAll("[number]");
            if (requester != null && requester.name() != null && requester.name().strip().length() > 1) {
                for (String part : requester.name().strip().split("\\s+")) {
                    if (part.length() > 2) {
                        text = text.replaceAll("(?i)\\b" + Pattern.quote(part) + "\\b", "[customer]");
                    }
                }
            }
        }
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxLength - 1);
        return text.substring(0, cut > maxLength / 2 ? cut : maxLength - 1) + "…";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
