package dev.ticketflow.plugins.gitlab.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a GitLab issue this plugin uses (REST {@code /projects/:id/issues} shape).
 *
 * @param projectId the numeric project id
 * @param iid the project-scoped issue number
 * @param title the title
 * @param description the description, may be empty
 * @param state {@code opened} or {@code closed}
 * @param webUrl where people open it
 * @param confidential whether only project members see it
 * @param labels the label names
 */
public record GitLabIssue(long projectId, long iid, String title, String description, String state,
        String webUrl, boolean confidential, List<String> labels) {

    /** Copies the labels. */
    public GitLabIssue {
        description = description == null ? "" : description;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * Reads an issue from GitLab's JSON.
     *
     * @param json one element of GitLab's issue list, or a created issue
     * @return the issue
     */
    public static GitLabIssue fromJson(JsonObject json) {
        List<String> labels = new ArrayList<>();
        JsonArray array = json.getJsonArray("labels", new JsonArray());
        for (Object label : array) {
            // REST gives label names; with with_labels_details=true it gives objects
            labels.add(label instanceof JsonObject details ? details.getString("name") : String.valueOf(label));
        }
        return new GitLabIssue(json.getLong("project_id", 0L), json.getLong("iid", 0L), json.getString("title", ""),
                json.getString("description"), json.getString("state", ""), json.getString("web_url", ""),
                json.getBoolean("confidential", false), labels);
    }

    /** The JSON this plugin stores for a linked issue. */
    public JsonObject toJson() {
        return new JsonObject().put("project_id", projectId).put("iid", iid).put("title", title)
                .put("state", state).put("web_url", webUrl).put("confidential", confidential)
                .put("labels", new JsonArray(new ArrayList<>(labels)));
    }

    /** A short human name: {@code #iid title}. */
    public String displayName() {
        return "#" + iid + " " + title;
    }
}
