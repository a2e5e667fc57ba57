package dev.ticketflow.plugins.gitlab.config;

import dev.ticketflow.plugins.gitlab.template.Escaping;
import dev.ticketflow.plugins.gitlab.template.TextTemplate;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Every text the plugin writes, as compiled Mustache templates. Defaults ship in the plugin
 * ({@code templates/<name>.mustache}); {@code templates.<name>} in the configuration replaces
 * one. Text going to GitLab markdown is escaped for it; text going to the help desk is plain.
 *
 * @param issueTitle title of a created issue
 * @param issueDescription description of a created issue
 * @param issueNote note added to an existing issue
 * @param bugReply public reply after a bug was linked
 * @param productFeedbackReply public reply after product feedback was passed on
 * @param featureProposalReply public reply guiding to the tracker
 * @param issueUpdateNote internal note on linked tickets when the issue changes
 * @param issueUpdateReply public reply on linked tickets when the issue changes (if enabled)
 */
public record LinkerTemplates(TextTemplate issueTitle, TextTemplate issueDescription, TextTemplate issueNote,
        TextTemplate bugReply, TextTemplate productFeedbackReply, TextTemplate featureProposalReply,
        TextTemplate issueUpdateNote, TextTemplate issueUpdateReply) {

    /**
     * Compiles the templates.
     *
     * @param overrides the {@code templates} section of the configuration, may be empty
     * @return the templates
     * @throws dev.ticketflow.plugins.gitlab.template.TemplateException naming the broken template
     */
    public static LinkerTemplates load(JsonObject overrides) {
        return new LinkerTemplates(
                compile(overrides, "issueTitle", Escaping.PLAIN),
                compile(overrides, "issueDescription", Escaping.GITLAB_MARKDOWN),
                compile(overrides, "issueNote", Escaping.GITLAB_MARKDOWN),
                compile(overrides, "bugReply", Escaping.PLAIN),
                compile(overrides, "productFeedbackReply", Escaping.PLAIN),
                compile(overrides, "featureProposalReply", Escaping.PLAIN),
                compile(overrides, "issueUpdateNote", Escaping.PLAIN),
                compile(overrides, "issueUpdateReply", Escaping.PLAIN));
    }

    private static TextTemplate compile(JsonObject overrides, String name, Escaping escaping) {
        String source = overrides.getString(name);
        return TextTemplate.compile("templates." + name, source != null ? source : bundled(name), escaping);
    }

    private static String bundled(String name) {
        String resource = "templates/" + name + ".mustache";
        try (InputStream in = LinkerTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
