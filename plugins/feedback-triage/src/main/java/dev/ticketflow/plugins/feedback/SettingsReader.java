package dev.ticketflow.plugins.feedback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns the merged configuration into {@link TriageSettings}; errors name the key. */
final class SettingsReader {

    static final String DEFAULTS = "feedback-triage-defaults.json";

    private final JsonObject json;

    SettingsReader(JsonObject json) {
        this.json = json;
    }

    static JsonObject defaults() {
        try (InputStream in = SettingsReader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the plugin jar");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TriageSettings read() {
        return new TriageSettings(
                text(json, "feedbackTag", "feedbackTag"),
                categoryTags(),
                categoryMap("tags"),
                categoryMap("forms"),
                fieldRules(),
                keywordRules(),
                priority(),
                refunds());
    }

    private Map<Category, String> categoryTags() {
        JsonObject tags = object(json, "categoryTags");
        Map<Category, String> result = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            result.put(category, text(tags, category.id(), "categoryTags." + category.id()));
        }
        for (String key : tags.fieldNames()) {
            category(key, "categoryTags." + key);
        }
        return result;
    }

    private Map<String, Category> categoryMap(String key) {
        return categoryMap(object(json, key), key);
    }

    private static Map<String, Category> categoryMap(JsonObject map, String path) {
        Map<String, Category> result = new HashMap<>();
        for (String name : map.fieldNames()) {
            Object value = map.getValue(name);
            if (value != null) {
                // null removes a default entry
                result.put(name.strip().toLowerCase(Locale.ROOT),
                        category(String.valueOf(value), path + "." + name));
            }
        }
        return result;
    }

    private List<FieldRule> fieldRules() {
        JsonArray rules = array(json, "fields");
        List<FieldRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "fields[" + i + "]";
            JsonObject rule = element(rules, i, path);
            result.add(new FieldRule(text(rule, "field", path + ".field"),
                    categoryMap(object(rule, "values", path + ".values"), path + ".values")));
        }
        return result;
    }

    private List<KeywordRule> keywordRules() {
        JsonArray rules = array(json, "keywordRules");
        List<KeywordRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String path = "keywordRules[" + i + "]";
            JsonObject rule = element(rules, i, path);
            Category category = category(text(rule, "category", path + ".category"), path + ".category");
            String name = Objects.requireNonNullElse(optionalText(rule, "name", path + ".name"),
                    category.id() + "#" + (i + 1));
            Set<SignalSource> in = EnumSet.noneOf(SignalSource.class);
            for (String where : strings(rule, "in", path + ".in", List.of("subject", "comment"))) {
                if (!where.equals("subject") && !where.equals("comment")) {
                    throw invalid(path + ".in", "'" + where + "' is neither subject nor comment");
                }
                in.add(SignalSource.fromId(where));
            }
            try {
                result.add(KeywordRule.compile(name, category,
                        strings(rule, "keywords", path + ".keywords", List.of()),
                        strings(rule, "patterns", path + ".patterns", List.of()),
                        in, rule.getBoolean("qualifies", true)));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw invalid(path, e.getMessage());
            }
        }
        return result;
    }

    private List<Category> priority() {
        Set<Category> order = new LinkedHashSet<>();
        for (String id : strings(json, "priority", "priority", List.of())) {
            order.add(category(id, "priority"));
        }
        // categories left out keep their natural order after the listed ones
        order.addAll(List.of(Category.values()));
        return List.copyOf(order);
    }

    private RefundSettings refunds() {
        JsonObject refunds = object(json, "refunds");
        return new RefundSettings(optionalText(refunds, "group", "refunds.group"),
                optionalText(refunds, "workflowUrl", "refunds.workflowUrl"),
                text(refunds, "note", "refunds.note"));
    }

    private static Category category(String id, String path) {
        try {
            return Category.fromId(id);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        return object(parent, key, key);
    }

    private static JsonObject object(JsonObject parent, String key, String path) {
        Object value = parent.getValue(key);
        if (value == null) {
            return new JsonObject();
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw invalid(path, "must be an object");
    }

    private static JsonArray array(JsonObject parent, String key) {
        Object value = parent.getValue(key);
        if (value == null) {
            return new JsonArray();
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        throw invalid(key, "must be a list");
    }

    private static JsonObject element(JsonArray array, int index, String path) {
        if (array.getValue(index) instanceof JsonObject object) {
            return object;
        }
        throw invalid(path, "must be an object");
    }

    private static List<String> strings(JsonObject parent, String key, String path, List<String> absent) {
        Object value = parent.getValue(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(path, "must be a list of strings");
        }
        List<String> result = new ArrayList<>();
        for (Object one : array) {
            if (!(one instanceof String text)) {
                throw invalid(path, "must be a list of strings");
            }
            result.add(text);
        }
        return result;
    }

    private static String text(JsonObject parent, String key, String path) {
        String value = optionalText(parent, key, path);
        if (value == null) {
            throw invalid(path, "is required");
        }
        return value;
    }

    private static String optionalText(JsonObject parent, String key, String path) {
        Object value = parent.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(path, "must be a string");
        }
        return text.isBlank() ? null : text.strip();
    }

    private static IllegalArgumentException invalid(String path, String problem) {
        return new IllegalArgumentException("feedback-triage configuration: " + path + ": " + problem);
    }
}
