package dev.ticketflow.plugins.feedback;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's configuration: the shipped defaults ({@code feedback-triage-defaults.json})
 * with the operator's section merged over them.
 *
 * @param feedbackTag the tag every feedback ticket gets ({@code feedback})
 * @param categoryTags the tag each category adds
 * @param tagRules category by lowercase input tag
 * @param formRules category by lowercase ticket form
 * @param fieldRules custom-field rules
 * @param keywordRules keyword rules on subject and first comment, in order
 * @param priority which category wins when signals disagree, first wins
 * @param refunds where refund requests go
 */
public record TriageSettings(
        String feedbackTag,
        Map<Category, String> categoryTags,
        Map<String, Category> tagRules,
        Map<String, Category> formRules,
        List<FieldRule> fieldRules,
        List<KeywordRule> keywordRules,
        List<Category> priority,
        RefundSettings refunds) {

    public TriageSettings {
        categoryTags = Map.copyOf(categoryTags);
        tagRules = Map.copyOf(tagRules);
        formRules = Map.copyOf(formRules);
        fieldRules = List.copyOf(fieldRules);
        keywordRules = List.copyOf(keywordRules);
        priority = List.copyOf(priority);
    }

    /**
     * Reads the plugin's section over the shipped defaults. Objects merge key by key (so one
     * category tag can be renamed alone, and a default tag rule removed by setting it to
     * {@code null}); lists replace the default list.
     *
     * @param config the plugin's configuration section, may be empty
     * @return the settings
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static TriageSettings fromJson(JsonObject config) {
        return new SettingsReader(SettingsReader.defaults().mergeIn(config, true)).read();
    }

    /** The tags this plugin writes, which it therefore never reads as signals. */
    public Set<String> outputTags() {
        List<String> tags = new ArrayList<>(categoryTags.values());
        tags.add(feedbackTag);
        return Set.copyOf(tags);
    }

    /** The tag of a category. */
    public String tagOf(Category category) {
        return categoryTags.get(category);
    }
}
