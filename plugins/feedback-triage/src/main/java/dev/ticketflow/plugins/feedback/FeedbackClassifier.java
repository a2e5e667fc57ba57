package dev.ticketflow.plugins.feedback;

import dev.ticketflow.api.event.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the signals on a ticket and decides whether it is feedback, and of which kind.
 *
 * <p>The decision: a ticket is feedback when at least one signal qualifies. Its category then
 * comes from the strongest evidence: a custom field beats the ticket form, which beats a tag,
 * which beats keywords; within the same kind of evidence the configured priority decides (a
 * refund first, because it is routed). Pure and thread-safe.
 */
public final class FeedbackClassifier {

    private static final List<SignalSource> EXPLICIT_ORDER =
            List.of(SignalSource.FIELD, SignalSource.FORM, SignalSource.TAG);

    private final TriageSettings settings;
    private final Set<String> ownTags;

    public FeedbackClassifier(TriageSettings settings) {
        this.settings = settings;
        this.ownTags = settings.outputTags();
    }

    /**
     * The signals in the ticket's current state: fields, form, tags and subject. The tags this
     * plugin writes are not read back, or the plugin would confirm its own guesses.
     *
     * @param ticket the ticket
     * @return the signals, in order found
     */
    public List<Signal> ticketSignals(Ticket ticket) {
        List<Signal> signals = new ArrayList<>();
        for (FieldRule rule : settings.fieldRules()) {
            signals.addAll(rule.signals(ticket.customFields()));
        }
        if (ticket.form() != null) {
            Category category = settings.formRules().get(ticket.form().strip().toLowerCase(Locale.ROOT));
            if (category != null) {
                signals.add(new Signal(SignalSource.FORM, category, ticket.form(), true));
            }
        }
        for (String tag : ticket.tags()) {
            String name = tag.toLowerCase(Locale.ROOT);
            Category category = settings.tagRules().get(name);
            if (category != null && !ownTags.contains(name)) {
                signals.add(new Signal(SignalSource.TAG, category, tag, true));
            }
        }
        signals.addAll(textSignals(SignalSource.SUBJECT, ticket.subject()));
        return signals;
    }

    /**
     * The keyword signals in the ticket's first customer comment.
     *
     * @param body the comment's text
     * @return the signals
     */
    public List<Signal> commentSignals(String body) {
        return textSignals(SignalSource.COMMENT, body);
    }

    /**
     * Decides on a set of signals.
     *
     * @param signals everything known about the ticket
     * @return the classification, empty when the ticket is not feedback
     */
    public Optional<Classification> decide(List<Signal> signals) {
        if (signals.stream().noneMatch(Signal::qualifies)) {
            return Optional.empty();
        }
        Comparator<Signal> byPriority =
                Comparator.comparingInt(signal -> settings.priority().indexOf(signal.category()));
        for (SignalSource source : EXPLICIT_ORDER) {
            Optional<Signal> strongest = signals.stream()
                    .filter(signal -> signal.source() == source)
                    .min(byPriority);
            if (strongest.isPresent()) {
                return Optional.of(new Classification(strongest.get().category(), signals));
            }
        }
        Signal strongest = signals.stream().min(byPriority).orElseThrow();
        return Optional.of(new Classification(strongest.category(), signals));
    }

    private List<Signal> textSignals(SignalSource source, String text) {
        List<Signal> signals = new ArrayList<>();
        for (KeywordRule rule : settings.keywordRules()) {
            if (rule.in().contains(source)) {
                for (String match : rule.matches(text)) {
                    signals.add(new Signal(source, rule.category(), match, rule.qualifies()));
                }
            }
        }
        return signals;
    }
}
