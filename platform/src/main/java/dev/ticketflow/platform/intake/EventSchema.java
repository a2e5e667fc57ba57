package dev.ticketflow.platform.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code TicketEvent} schema, taken from the {@code openapi.yaml} the server also serves, so
 * that the document and the validation never disagree. Compiled once; {@link #validate} is
 * thread-safe.
 */
final class EventSchema {

    /** The class-path resource of the OpenAPI document. */
    static final String DOCUMENT = "openapi.yaml";

    private static final String EVENT_SCHEMA = "#/components/schemas/TicketEvent";
    private static final String EVENT_TYPES = "/components/schemas/EventType/enum";
    private static final List<String> OPENAPI_ROOT_MEMBERS = List.of("openapi", "info",
            "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags",
            "externalDocs");

    private final byte[] document;
    private final JsonSchema schema;
    private final List<String> knownTypes;

    private EventSchema(byte[] document, JsonSchema schema, List<String> knownTypes) {
        this.document = document;
        this.schema = schema;
        this.knownTypes = knownTypes;
    }

    /**
     * Loads the document and compiles the event schema, $refs resolving inside the document.
     *
     * @return the schema
     * @throws IllegalStateException when the document is missing or broken (a build error)
     */
    static EventSchema load() {
        byte[] document = readDocument();
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(document);
        } catch (IOException e) {
            throw new IllegalStateException(DOCUMENT + " is not valid YAML", e);
        }
        List<String> knownTypes = new ArrayList<>();
        tree.at(EVENT_TYPES).forEach(type -> knownTypes.add(type.asText()));
        if (knownTypes.isEmpty()) {
            throw new IllegalStateException(DOCUMENT + " has no " + EVENT_TYPES);
        }
        // OpenAPI 3.1 schemas are JSON Schema 2020-12 plus a few annotations (the OAS dialect);
        // the document's own top-level members are known too, so that loading it warns of nothing
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(OPENAPI_ROOT_MEMBERS.stream().map(NonValidationKeyword::new).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // 2020-12 treats format as annotation only; occurredAt must really be a date-time
                .formatAssertionsEnabled(true)
                .build();
        JsonSchema schema = factory.getSchema(
                SchemaLocation.of("classpath:" + DOCUMENT + EVENT_SCHEMA), config);
        schema.initializeValidators();
        return new EventSchema(document, schema, List.copyOf(knownTypes));
    }

    private static byte[] readDocument() {
        try (InputStream in = EventSchema.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI document as served. */
    byte[] document() {
        return document.clone();
    }

    /** The event types the intake accepts, as the document lists them. */
    List<String> knownTypes() {
        return knownTypes;
    }

    /**
     * Validates an event body.
     *
     * @param event the parsed body
     * @return every failing field (empty when valid), and whether {@code type} is unknown
     */
    Validation validate(JsonNode event) {
        Set<FieldError> errors = new LinkedHashSet<>();
        boolean unknownType = false;
        for (ValidationMessage message : schema.validate(event)) {
            errors.add(new FieldError(field(message), message.getError()));
            unknownType |= "enum".equals(message.getType())
                    && "/type".equals(message.getInstanceLocation().toString());
        }
        return new Validation(List.copyOf(errors), unknownType);
    }

    /**
     * The outcome of a validation.
     *
     * @param errors every failing field, empty when valid
     * @param unknownType whether {@code type} is outside the known types, which deserves an
     *     answer that lists them
     */
    record Validation(List<FieldError> errors, boolean unknownType) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private static String field(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        // "required" reports the object that lacks the member; name the member itself
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return location + "/" + message.getProperty();
        }
        return location;
    }
}
