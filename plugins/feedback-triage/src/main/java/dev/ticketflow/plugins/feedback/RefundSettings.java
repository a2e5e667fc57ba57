package dev.ticketflow.plugins.feedback;

/**
 * Where refund requests go.
 *
 * @param group the help-desk group (queue) refund requests are assigned to; {@code null} to
 *     leave the group alone
 * @param workflowUrl the refund workflow agents follow
 * @param note the internal note; {@code {workflowUrl}} and {@code {signals}} are replaced
 */
public record RefundSettings(String group, String workflowUrl, String note) {

    /** The note for a ticket, with the placeholders filled in. */
    public String noteFor(Classification classification) {
        String signals = String.join(", ", classification.signals().stream()
                .filter(signal -> signal.category() == Category.REFUND)
                .map(signal -> signal.source().id() + " '" + signal.match() + "'")
                .toList());
        return note.replace("{workflowUrl}", workflowUrl == null ? "" : workflowUrl)
                .replace("{signals}", signals);
    }
}
