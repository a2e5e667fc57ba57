package dev.ticketflow.plugins.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict on a feedback ticket: its category and every signal seen, not only the winning
 * ones (the venting plugin, for example, cares about venting words in a bug report).
 *
 * @param category the chosen category
 * @param signals all signals, in the order found
 */
public record Classification(Category category, List<Signal> signals) {

    public Classification {
        signals = List.copyOf(signals);
    }

    /** The data of {@code feedback.classified}. */
    public Map<String, Object> toEventData(Category previous) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("category", category.id());
        data.put("signals", signals.stream().map(Signal::toMap).toList());
        if (previous != null) {
            data.put("previousCategory", previous.id());
        }
        return data;
    }
}
