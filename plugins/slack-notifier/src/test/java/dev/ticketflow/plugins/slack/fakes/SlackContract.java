package dev.ticketflow.plugins.slack.fakes;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Slack's published Web API contract ({@code <repo>/../shared/contracts/slack/slack_web_openapi_v2.json}),
 * loaded once for request validation, with exactly the two known load quirks worked around:
 * list-valued {@code items} (draft-4 tuples the parser rejects) become {@code {}}, and the
 * missing-header check is ignored because the document models the token as a {@code token}
 * header while the API takes {@code Authorization: Bearer} (which {@link FakeSlack} checks
 * itself). Nothing else is downgraded.
 */
public final class SlackContract {

    private static OpenApiInteractionValidator validator;

    private SlackContract() {}

    public static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = load();
        }
        return validator;
    }

    /** Where the contract lives: {@code <repo>/../shared}, as the build passes it (see the module's POM). */
    public static Path file() {
        String shared = System.getProperty("ticketflow.sharedDir");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property ticketflow.sharedDir is not set; run the tests through Maven, "
                    + "whose surefire configuration passes <repo>/../shared");
        }
        return Path.of(shared).resolve("contracts/slack/slack_web_openapi_v2.json").toAbsolutePath().normalize();
    }

    private static OpenApiInteractionValidator load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the Slack contract is missing: " + file
                    + " (expected in shared/contracts/slack/ beside the repository; -Dticketflow.sharedDir=... points elsewhere)");
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode spec = mapper.readTree(file.toFile());
            replaceTupleItems(spec);
            return OpenApiInteractionValidator.createForInlineApiSpecification(mapper.writeValueAsString(spec))
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.header.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replaceTupleItems(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("items") != null && object.get("items").isArray()) {
                object.set("items", object.objectNode());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                replaceTupleItems(fields.next().getValue());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SlackContract::replaceTupleItems);
        }
    }
}
