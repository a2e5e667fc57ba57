package dev.ticketflow.plugins.apology;

import dev.ticketflow.plugins.apology.lint.ContextResolver;
import dev.ticketflow.plugins.apology.lint.ReplyContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin's configuration (see {@code config.schema.json}), with defaults.
 *
 * @param contextResolver how tickets' tags and fields map to a context
 * @param extraRulesFile an operator's rules merged over the defaults, or {@code null}
 */
public record LinterSettings(ContextResolver contextResolver, Path extraRulesFile) {

    /** The tags read when the configuration names none. */
    static final Map<ReplyContext, List<String>> DEFAULT_TAGS = Map.of(
            ReplyContext.WORKS_AS_INTENDED, List.of("works-as-intended", "works_as_intended", "by-design",
                    "by_design", "not-a-bug", "expected-behavior", "expected-behaviour", "wai"),
            ReplyContext.CUSTOMER_ERROR, List.of("user-error", "user_error", "customer-error", "customer_error",
                    "misconfiguration", "config-error"),
            ReplyContext.COMPANY_FAULT, List.of("bug", "outage", "incident", "regression", "service-disruption"));

    /** The custom field read when the configuration names none. */
    static final Map<String, Map<String, ReplyContext>> DEFAULT_FIELDS = Map.of("resolution", Map.of(
            "works_as_intended", ReplyContext.WORKS_AS_INTENDED,
            "by_design", ReplyContext.WORKS_AS_INTENDED,
            "user_error", ReplyContext.CUSTOMER_ERROR,
            "customer_error", ReplyContext.CUSTOMER_ERROR,
            "bug", ReplyContext.COMPANY_FAULT,
            "outage", ReplyContext.COMPANY_FAULT));

    /**
     * Reads the settings from the plugin's configuration.
     *
     * @param config the validated configuration, may be empty
     * @return the settings
     */
    public static LinterSettings from(JsonObject config) {
        Map<ReplyContext, List<String>> tags = new EnumMap<>(ReplyContext.class);
        JsonObject tagConfig = config.getJsonObject("contextTags");
        if (tagConfig == null) {
            tags.putAll(DEFAULT_TAGS);
        } else {
            tagConfig.forEach(entry -> tags.put(ReplyContext.ofId(entry.getKey()), strings((JsonArray) entry.getValue())));
        }
        Map<String, Map<String, ReplyContext>> fields = new LinkedHashMap<>();
        JsonObject fieldConfig = config.getJsonObject("contextFields");
        if (fieldConfig == null) {
            fields.putAll(DEFAULT_FIELDS);
        } else {
            fieldConfig.forEach(field -> {
                Map<String, ReplyContext> values = new LinkedHashMap<>();
                ((JsonObject) field.getValue()).forEach(value -> values.put(value.getKey().toLowerCase(Locale.ROOT),
                        ReplyContext.ofId(String.valueOf(value.getValue()))));
                fields.put(field.getKey(), values);
            });
        }
        String extra = config.getString("extraRulesFile");
        return new LinterSettings(new ContextResolver(tags, fields),
                extra == null || extra.isBlank() ? null : Path.of(extra));
    }

    private static List<String> strings(JsonArray array) {
        List<String> result = new ArrayList<>();
        array.forEach(item -> result.add(String.valueOf(item)));
        return result;
    }
}
