package dev.ticketflow.plugins.venting.eval;

import dev.ticketflow.plugins.venting.classify.Label;

/**
 * One hand-labelled customer message of the evaluation set.
 *
 * @param id the message's id within its file
 * @param split {@code dev} (used while writing rules) or {@code holdout} (kept aside)
 * @param kind what makes the message interesting (figurative, veiled, doxxing...)
 * @param label the expected label
 * @param text the message
 */
public record LabelledMessage(String id, String split, String kind, Label label, String text) {}
