package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.plugins.gitlab.client.GitLabIssue;
import io.vertx.core.json.JsonObject;

/**
 * The issue a ticket was linked to while handling one event, as remembered across retries.
 *
 * @param project the project as configured (id or path)
 * @param issue the issue
 * @param created whether it was created for this ticket (then no note is added)
 */
public record LinkedIssue(String project, GitLabIssue issue, boolean created) {

    /** As stored. */
    public JsonObject toJson() {
        return new JsonObject().put("project", project).put("created", created).put("issue", issue.toJson());
    }

    /**
     * Reads a stored link.
     *
     * @param json as written by {@link #toJson()}
     * @return the link
     */
    public static LinkedIssue fromJson(JsonObject json) {
        return new LinkedIssue(json.getString("project"), GitLabIssue.fromJson(json.getJsonObject("issue")),
                json.getBoolean("created", false));
    }
}
