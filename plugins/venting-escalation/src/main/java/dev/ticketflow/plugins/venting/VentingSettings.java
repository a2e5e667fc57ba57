package dev.ticketflow.plugins.venting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's configuration (see {@code config.schema.json}), with defaults.
 *
 * @param managerEmails who is copied on a ticket with a threat; may be empty
 * @param escalateAfter how many venting messages on one ticket raise a low escalation
 * @param ventingTags the tags a venting message adds
 * @param threatTag the tag a threat adds
 * @param staffNames names of support staff besides the ticket's assignee that count as targets
 * @param extraRulesFile an operator's rules merged over the defaults, or {@code null}
 * @param embeddings whether the model of the labelled examples may raise the rules' decisions
 */
public record VentingSettings(List<String> managerEmails, int escalateAfter, List<String> ventingTags,
        String threatTag, List<String> staffNames, Path extraRulesFile, boolean embeddings) {

    /** Copies the lists. */
    public VentingSettings {
        managerEmails = List.copyOf(managerEmails);
        ventingTags = List.copyOf(ventingTags);
        staffNames = List.copyOf(staffNames);
    }

    /**
     * Reads the settings from the plugin's configuration.
     *
     * @param config the validated configuration, may be empty
     * @return the settings
     */
    public static VentingSettings from(JsonObject config) {
        String extra = config.getString("extraRulesFile");
        return new VentingSettings(
                strings(config.getJsonArray("managerEmails"), List.of()),
                config.getInteger("escalateAfter", 2),
                strings(config.getJsonArray("ventingTags"), List.of("venting", "feedback")),
                config.getString("threatTag", "threat"),
                strings(config.getJsonArray("staffNames"), List.of()),
                extra == null || extra.isBlank() ? null : Path.of(extra),
                config.getBoolean("embeddings", true));
    }

    private static List<String> strings(JsonArray array, List<String> fallback) {
        if (array == null) {
            return fallback;
        }
        List<String> result = new ArrayList<>();
        array.forEach(item -> result.add(String.valueOf(item)));
        return result;
    }
}
