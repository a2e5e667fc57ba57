package dev.ticketflow.plugins.gitlab.config;

import dev.ticketflow.plugins.gitlab.client.GitLabConnection;
import dev.ticketflow.plugins.gitlab.client.RetryPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's configuration, read once at start with its defaults (the schema in
 * {@code config.schema.json} documents each key; the platform validated the shape already).
 *
 * @param connection where GitLab is; {@code null} when no token is configured (dry-run)
 * @param projects the projects searched, in order (possibly none in dry-run)
 * @param createIn the project new issues go to, {@code null} when there are no projects
 * @param triggers what starts each kind of handling
 * @param search how issues are matched
 * @param issues what new issues and notes look like
 * @param privacy what reaches GitLab of the customer
 * @param trackers where feature proposals are pointed to
 * @param linkedTag the tag of a ticket linked to an issue
 * @param featureProposalTag the tag of a ticket guided to the tracker
 * @param webhook the GitLab webhook endpoint
 * @param templates the texts
 */
public record LinkerSettings(GitLabConnection connection, List<String> projects, String createIn,
        Map<FeedbackKind, TriggerSettings> triggers, SearchSettings search, IssueSettings issues,
        PrivacySettings privacy, List<Tracker> trackers, String linkedTag, String featureProposalTag,
        WebhookSettings webhook, LinkerTemplates templates) {

    private static final Set<String> DEFAULT_STOP_WORDS = Set.of("the", "and", "for", "with", "not", "can", "cannot",
            "can't", "does", "doesn't", "don't", "when", "what", "why", "how", "from", "this", "that", "are", "was",
            "were", "you", "your", "our", "have", "has", "any", "all", "into", "after", "before", "but", "its",
            "it's", "issue", "problem", "help", "please", "urgent", "error", "bug", "question", "feedback",
            "request", "ticket", "support", "since", "still", "again", "working", "work", "works");

    /**
     * Reads the configuration.
     *
     * @param config the plugin's configuration
     * @return the settings
     * @throws IllegalArgumentException naming the key when a value needed with the token is
     *     missing or a template does not compile
     */
    public static LinkerSettings from(JsonObject config) {
        JsonObject gitlab = config.getJsonObject("gitlab", new JsonObject());
        String baseUrl = emptyToNull(gitlab.getString("url"));
        List<String> projects = strings(config.getJsonArray("projects"));
        GitLabConnection connection = null;
        // no token (or an empty one from an unset ${VAR:-}) is the dry-run; a token without the
        // rest is a mistake worth stopping for
        if (emptyToNull(gitlab.getString("token")) != null) {
            String url = required(gitlab, "url", "gitlab.url");
            if (projects.isEmpty()) {
                throw new IllegalArgumentException("projects: name at least one GitLab project (id or group/project"
                        + " path) to search and create issues in; gitlab.token is set");
            }
            RetryPolicy retry = new RetryPolicy(gitlab.getInteger("maxAttempts", 4),
                    Duration.ofMillis(gitlab.getLong("retryBaseDelayMs", 500L)),
                    Duration.ofMillis(gitlab.getLong("retryMaxDelayMs", 10_000L)),
                    Duration.ofSeconds(gitlab.getLong("maxRetryAfterSeconds", 60L)));
            connection = new GitLabConnection(url, gitlab.getString("token"),
                    "bearer".equals(gitlab.getString("auth", "private-token")),
                    Duration.ofMillis(gitlab.getLong("timeoutMs", 10_000L)), retry);
            baseUrl = connection.baseUrl();
        } else if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        String createIn = config.getString("createIn", projects.isEmpty() ? null : projects.get(0));

        JsonObject triggerConfig = config.getJsonObject("triggers", new JsonObject());
        Map<FeedbackKind, TriggerSettings> triggers = new EnumMap<>(FeedbackKind.class);
        for (FeedbackKind kind : FeedbackKind.values()) {
            JsonObject one = triggerConfig.getJsonObject(kind.configKey(), new JsonObject());
            triggers.put(kind, new TriggerSettings(strings(one.getJsonArray("tags")),
                    one.containsKey("categories") ? strings(one.getJsonArray("categories")) : List.of(kind.category())));
        }

        JsonObject searchConfig = config.getJsonObject("search", new JsonObject());
        Set<String> stopWords = new HashSet<>(DEFAULT_STOP_WORDS);
        strings(searchConfig.getJsonArray("stopWords")).forEach(word -> stopWords.add(word.toLowerCase()));
        SearchSettings search = new SearchSettings(searchConfig.getString("in", "title,description"),
                searchConfig.getString("state", "opened"), strings(searchConfig.getJsonArray("labels")),
                searchConfig.getInteger("searchKeywords", 2), searchConfig.getInteger("maxKeywords", 6),
                searchConfig.getInteger("minKeywordLength", 3), searchConfig.getDouble("minScore", 0.5),
                searchConfig.getInteger("maxResults", 100), stopWords);

        JsonObject issueConfig = config.getJsonObject("issue", new JsonObject());
        IssueSettings issues = new IssueSettings(
                issueConfig.containsKey("labels") ? strings(issueConfig.getJsonArray("labels")) : List.of("customer", "bug"),
                issueConfig.containsKey("productFeedbackLabels")
                        ? strings(issueConfig.getJsonArray("productFeedbackLabels")) : List.of("customer", "feedback"),
                issueConfig.getBoolean("confidential", true), issueConfig.getBoolean("internalNotes", false),
                issueConfig.getBoolean("createForProductFeedback", true));

        JsonObject privacyConfig = config.getJsonObject("privacy", new JsonObject());
        PrivacySettings privacy = new PrivacySettings(privacyConfig.getBoolean("includeCustomerDetails", false),
                privacyConfig.getInteger("summaryLength", 500), privacyConfig.getBoolean("readTicket", true));

        JsonObject tags = config.getJsonObject("tags", new JsonObject());
        JsonObject hook = config.getJsonObject("webhook", new JsonObject());
        WebhookSettings webhook = new WebhookSettings(emptyToNull(hook.getString("token")),
                strings(hook.getJsonArray("signingSecrets")), hook.getBoolean("publicUpdates", false));

        return new LinkerSettings(connection, projects, createIn, triggers, search, issues, privacy,
                trackers(config.getJsonArray("trackers"), baseUrl, projects),
                tags.getString("linked", "gitlab-issue-linked"),
                tags.getString("featureProposal", "feature-proposal-guided"), webhook,
                LinkerTemplates.load(config.getJsonObject("templates", new JsonObject())));
    }

    /**
     * Whether GitLab is out of reach because no token is configured: the plugin then only logs
     * what it would do.
     */
    public boolean dryRun() {
        return connection == null;
    }

    /** Configured trackers, or else each configured project path's issue list. */
    private static List<Tracker> trackers(JsonArray configured, String baseUrl, List<String> projects) {
        List<Tracker> trackers = new ArrayList<>();
        if (configured != null && !configured.isEmpty()) {
            for (int i = 0; i < configured.size(); i++) {
                JsonObject tracker = configured.getJsonObject(i);
                trackers.add(new Tracker(tracker.getString("name", tracker.getString("url")), tracker.getString("url")));
            }
            return trackers;
        }
        for (String project : projects) {
            if (baseUrl != null && !project.chars().allMatch(Character::isDigit)) {
                trackers.add(new Tracker(project, baseUrl + "/" + project + "/-/issues"));
            }
        }
        return trackers;
    }

    private static String required(JsonObject section, String key, String path) {
        String value = section.getString(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(path + " is required");
        }
        return value;
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
