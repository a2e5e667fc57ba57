package dev.ticketflow.plugins.zendesk.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks requests against Zendesk's published OpenAPI document ({@code support-api.yaml}, from
 * the shared contracts folder beside the checkout, named by the {@code zendesk.contract.file}
 * system property). A missing document fails loudly: the outbound tests mean nothing without it.
 *
 * <p>Exactly these checks are relaxed, each for a known gap, nothing else:
 * <ul>
 *   <li>the document declares no request body for the tag operations, though Zendesk documents
 *       {@code {"tags": […], "updated_stamp": …, "safe_update": "true"}} for them:
 *       {@code validation.request.body.unexpected} is ignored for those operations only;
 *   <li>the validator's injected {@code additionalProperties: false} makes every trigger body fail
 *       the {@code anyOf} category branch of {@code TriggerWithCategoryRequest} (the validator's
 *       documented {@code allOf} gotcha): trigger create/update bodies are checked by a second
 *       validator without that injection (types, enums and required fields still checked);
 *   <li>the document lacks the Webhooks API altogether: those requests are checked against
 *       {@code zendesk-webhooks-api.yaml}, written from Zendesk's Webhooks API reference.
 * </ul>
 */
public final class ZendeskContract {

    public static final String PROPERTY = "zendesk.contract.file";

    private static final Set<String> TAG_OPERATIONS = Set.of("PutTagsTicket", "DeleteTagsTicket", "SetTagsTicket");
    private static final Pattern TRIGGER_WRITE = Pattern.compile("/api/v2/triggers(/[0-9]+)?");
    private static volatile ZendeskContract loaded;

    private final OpenApiInteractionValidator support;
    private final OpenApiInteractionValidator triggers;
    private final OpenApiInteractionValidator webhooks;

    private ZendeskContract(Path supportApi) {
        String spec = supportApi.toUri().toString();
        this.support = OpenApiInteractionValidator.createForSpecificationUrl(spec).build();
        this.triggers = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.webhooks = OpenApiInteractionValidator.createForSpecificationUrl(
                ZendeskContract.class.getResource("/zendesk-webhooks-api.yaml").toString()).build();
    }

    /** The contract, loaded once per test JVM (the document takes seconds to parse). */
    public static ZendeskContract load() {
        if (loaded == null) {
            synchronized (ZendeskContract.class) {
                if (loaded == null) {
                    loaded = new ZendeskContract(locate());
                }
            }
        }
        return loaded;
    }

    private static Path locate() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: run the tests through Maven,"
                    + " which points it at ../shared/contracts/zendesk/support-api.yaml beside the checkout");
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Zendesk's OpenAPI document is missing at " + path + ": the outbound"
                    + " contract tests need the shared contracts folder beside the checkout, or -D" + PROPERTY + "=<file>");
        }
        return path;
    }

    /**
     * The problems Zendesk would have with a request.
     *
     * @return one line per error, empty when the request conforms
     */
    public List<String> violations(String method, String path, Map<String, List<String>> query,
            Map<String, String> headers, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        query.forEach(builder::withQueryParam);
        headers.forEach(builder::withHeader);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        Request request = builder.build();
        ValidationReport report = validatorFor(method, path).validateRequest(request);
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !isKnownTagBodyGap(message))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private OpenApiInteractionValidator validatorFor(String method, String path) {
        if (path.startsWith("/api/v2/webhooks")) {
            return webhooks;
        }
        boolean triggerWrite = (method.equals("POST") || method.equals("PUT")) && TRIGGER_WRITE.matcher(path).matches();
        return triggerWrite ? triggers : support;
    }

    private static boolean isKnownTagBodyGap(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.body.unexpected")
                && message.getContext()
                        .flatMap(context -> context.getApiOperation())
                        .map(operation -> TAG_OPERATIONS.contains(operation.getOperation().getOperationId()))
                        .orElse(false);
    }
}
