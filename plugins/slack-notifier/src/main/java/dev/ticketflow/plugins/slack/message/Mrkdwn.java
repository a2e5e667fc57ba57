package dev.ticketflow.plugins.slack.message;

/**
 * Slack's escaping of user text in mrkdwn: only {@code &}, {@code <} and {@code >} are control
 * characters (they start links, mentions and entities), so only they are replaced. A customer's
 * {@code <!channel>} or {@code <@U123>} is shown as text and notifies no one.
 */
public final class Mrkdwn {

    private Mrkdwn() {}

    /**
     * Escapes text for mrkdwn.
     *
     * @param text user text
     * @return the text with {@code &amp;}, {@code &lt;}, {@code &gt;}
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Escapes text for the inside of a JSON string (a Block Kit template's text fields).
     *
     * @param text the text
     * @return the text with quotes, backslashes and control characters escaped
     */
    public static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
