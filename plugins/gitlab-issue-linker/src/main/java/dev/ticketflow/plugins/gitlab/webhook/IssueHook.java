package dev.ticketflow.plugins.gitlab.webhook;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The parts of a GitLab Issue Hook (or Confidential Issue Hook) payload this plugin reacts to.
 *
 * @param projectId numeric project id
 * @param projectPath {@code group/project}
 * @param iid the issue's iid
 * @param url the issue's web URL
 * @param closed the issue was closed
 * @param reopened the issue was reopened
 * @param milestoneId the milestone the issue was just put on, or {@code null}
 * @param by who did it (GitLab user name), may be {@code null}
 */
public record IssueHook(long projectId, String projectPath, long iid, String url, boolean closed, boolean reopened,
        Long milestoneId, String by) {

    /**
     * Reads a payload.
     *
     * @param payload the webhook body
     * @return the hook, or empty when it is no issue event
     */
    public static Optional<IssueHook> parse(JsonObject payload) {
        if (!"issue".equals(payload.getString("object_kind"))) {
            return Optional.empty();
        }
        JsonObject attributes = payload.getJsonObject("object_attributes", new JsonObject());
        JsonObject project = payload.getJsonObject("project", new JsonObject());
        JsonObject changes = payload.getJsonObject("changes", new JsonObject());
        String action = attributes.getString("action", "");
        JsonObject milestoneChange = changes.getJsonObject("milestone_id");
        Long milestone = milestoneChange == null ? null : milestoneChange.getLong("current");
        JsonObject user = payload.getJsonObject("user", new JsonObject());
        long projectId = attributes.getLong("project_id", project.getLong("id", 0L));
        return Optional.of(new IssueHook(projectId, project.getString("path_with_namespace", String.valueOf(projectId)),
                attributes.getLong("iid", 0L), attributes.getString("url", ""), "close".equals(action),
                "reopen".equals(action), milestone, user.getString("name", user.getString("username"))));
    }

    /** Whether anything the linked tickets should hear about happened. */
    public boolean worthTelling() {
        return closed || reopened || milestoneId != null;
    }
}
