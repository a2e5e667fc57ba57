package dev.ticketflow.plugins.survey;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plugin's configuration.
 *
 * @param delay how long after the solve the survey is requested (the handbook: 24 hours)
 * @param surveyTag the tag that makes the help desk send its survey
 * @param managers who gets every rating mail besides the assignee (the Zendesk managers)
 * @param badRatingTag the tag a badly rated ticket gets
 * @param subjectTemplate Mustache template of the rating mail's subject, {@code null} for the shipped one
 * @param bodyTemplate Mustache template of the rating mail's body, {@code null} for the shipped one
 */
public record SurveySettings(
        Duration delay, String surveyTag, List<String> managers, String badRatingTag,
        String subjectTemplate, String bodyTemplate) {

    public static final Duration DEFAULT_DELAY = Duration.ofHours(24);
    public static final String DEFAULT_SURVEY_TAG = "ticketflow-survey-requested";
    public static final String DEFAULT_BAD_RATING_TAG = "ssat-bad";

    private static final Set<String> KEYS =
            Set.of("delay", "surveyTag", "managers", "badRatingTag", "mail");

    public SurveySettings {
        managers = List.copyOf(managers);
    }

    /**
     * Reads the plugin's section; every key is optional.
     *
     * @param json the section
     * @return the settings
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static SurveySettings fromJson(JsonObject json) {
        for (String key : json.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw invalid(key, "is not a setting of this plugin; use " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        JsonObject mail = json.getValue("mail") instanceof JsonObject section ? section : new JsonObject();
        return new SurveySettings(delay(json), text(json, "surveyTag", DEFAULT_SURVEY_TAG),
                managers(json), text(json, "badRatingTag", DEFAULT_BAD_RATING_TAG),
                text(mail, "subject", null), text(mail, "body", null));
    }

    private static Duration delay(JsonObject json) {
        String text = text(json, "delay", null);
        if (text == null) {
            return DEFAULT_DELAY;
        }
        try {
            Duration delay = Duration.parse(text);
            if (delay.isNegative()) {
                throw invalid("delay", "must not be negative");
            }
            return delay;
        } catch (DateTimeParseException e) {
            throw invalid("delay", "'" + text + "' is not an ISO-8601 duration such as PT24H");
        }
    }

    private static List<String> managers(JsonObject json) {
        Object value = json.getValue("managers");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("managers", "must be a list of e-mail addresses");
        }
        List<String> managers = new ArrayList<>();
        for (Object one : array) {
            if (!(one instanceof String address) || !address.contains("@")) {
                throw invalid("managers", "'" + one + "' is not an e-mail address");
            }
            managers.add(address.strip());
        }
        return managers;
    }

    private static String text(JsonObject json, String key, String absent) {
        Object value = json.getValue(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(key, "must be a non-empty string");
        }
        return text;
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("satisfaction-survey configuration: " + key + ": " + problem);
    }
}
