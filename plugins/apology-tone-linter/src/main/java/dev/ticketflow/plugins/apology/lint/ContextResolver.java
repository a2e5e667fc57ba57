package dev.ticketflow.plugins.apology.lint;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells from a ticket's custom fields and tags whose problem it was. Custom fields are more
 * deliberate than tags, so they are read first; among tags, customer error is checked before
 * works-as-intended before company fault, the order in which a wrong apology does most harm.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tags tags that mean a context, by context
 * @param fields for a custom field name, the values that mean a context
 */
public record ContextResolver(Map<ReplyContext, List<String>> tags, Map<String, Map<String, ReplyContext>> fields) {

    private static final List<ReplyContext> TAG_ORDER = List.of(
            ReplyContext.CUSTOMER_ERROR, ReplyContext.WORKS_AS_INTENDED, ReplyContext.COMPANY_FAULT);

    /** Copies the maps. */
    public ContextResolver {
        tags = Map.copyOf(tags);
        fields = Map.copyOf(fields);
    }

    /**
     * The context of a ticket.
     *
     * @param ticketTags its tags
     * @param customFields its custom fields by name
     * @return the context, {@link ReplyContext#UNKNOWN} when nothing says
     */
    public ReplyContext resolve(Collection<String> ticketTags, Map<String, Object> customFields) {
        for (Map.Entry<String, Map<String, ReplyContext>> field : fields.entrySet()) {
            Object value = customFields.get(field.getKey());
            if (value != null) {
                ReplyContext context = field.getValue().get(normalise(String.valueOf(value)));
                if (context != null) {
                    return context;
                }
            }
        }
        for (ReplyContext context : TAG_ORDER) {
            for (String tag : tags.getOrDefault(context, List.of())) {
                if (ticketTags.stream().anyMatch(t -> normalise(t).equals(normalise(tag)))) {
                    return context;
                }
            }
        }
        return ReplyContext.UNKNOWN;
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
