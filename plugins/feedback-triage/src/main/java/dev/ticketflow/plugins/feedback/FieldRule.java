package dev.ticketflow.plugins.feedback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the values of one custom ticket field to categories, for help desks whose ticket form
 * asks the customer what kind of request it is.
 *
 * @param field the field's name or id, as the connector puts it in {@code customFields}
 * @param values category by lowercase field value
 */
public record FieldRule(String field, Map<String, Category> values) {

    public FieldRule {
        values = Map.copyOf(values);
    }

    /**
     * The signals this field gives on a ticket. A multi-select field may give several; a
     * checkbox matches as {@code "true"}.
     *
     * @param customFields the ticket's custom fields
     * @return the signals, empty when the field is absent or its value unmapped
     */
    public List<Signal> signals(Map<String, Object> customFields) {
        Object value = customFields.get(field);
        if (value == null) {
            return List.of();
        }
        Collection<?> chosen = value instanceof Collection<?> many ? many : List.of(value);
        List<Signal> signals = new ArrayList<>();
        for (Object one : chosen) {
            if (one == null) {
                continue;
            }
            String text = one.toString().strip().toLowerCase(Locale.ROOT);
            Category category = values.get(text);
            if (category != null) {
                signals.add(new Signal(SignalSource.FIELD, category, field + "=" + text, true));
            }
        }
        return signals;
    }
}
