package dev.ticketflow.plugins.gitlab.client;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An issue to create ({@code POST /projects/:id/issues}).
 *
 * @param title required
 * @param description markdown, at most 1,048,576 characters
 * @param labels label names, sent comma-separated
 * @param confidential whether only project members may see it
 */
public record NewIssue(String title, String description, List<String> labels, boolean confidential) {

    /** GitLab's limit for a description. */
    public static final int MAX_DESCRIPTION = 1_048_576;

    /** Copies the labels and checks the limits GitLab enforces. */
    public NewIssue {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an issue needs a title (check the issue title template)");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION);
        }
    }

    /** The request body. */
    JsonObject toJson() {
        JsonObject body = new JsonObject().put("title", title).put("confidential", confidential);
        if (description != null) {
            body.put("description", description);
        }
        if (!labels.isEmpty()) {
            body.put("labels", String.join(",", labels));
        }
        return body;
    }
}
