package dev.ticketflow.plugins.venting.classify;

import java.util.List;

/**
 * The outcome of classifying one message.
 *
 * @param label the decision
 * @param signals the evidence, in the order of the rules that found it; empty for a plain message
 * @param ventingScore the sum of the venting rules' weights
 * @param threatScore the sum of the threat rules' weights
 */
public record Classification(Label label, List<Signal> signals, int ventingScore, int threatScore) {

    /** Copies the signal list. */
    public Classification {
        signals = List.copyOf(signals);
    }

    /** The signals that point to a given label. */
    public List<Signal> signalsFor(Label wanted) {
        return signals.stream().filter(signal -> signal.label() == wanted).toList();
    }
}
