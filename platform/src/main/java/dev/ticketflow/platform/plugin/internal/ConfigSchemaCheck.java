package dev.ticketflow.platform.plugin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a plugin's configuration section against the JSON Schema its descriptor names
 * ({@code plugin.configSchema}, a resource inside the plugin). Messages name the failing field as
 * a JSON pointer, e.g. {@code /tag: does not match the regex pattern ^[a-z0-9_-]+$}.
 */
public final class ConfigSchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();

    private ConfigSchemaCheck() {}

    /**
     * Validates. Blocking (reads the schema from the plugin jar).
     *
     * @param pluginId the plugin, for messages
     * @param schemaResource the resource path from the descriptor, or {@code null} for none
     * @param pluginResources finds the resource in the plugin itself (never the platform's classpath)
     * @param config the plugin's configuration section
     * @return {@code null} when valid, otherwise why not
     */
    public static String problem(String pluginId, String schemaResource,
            Function<String, URL> pluginResources, JsonObject config) {
        if (schemaResource == null) {
            return null;
        }
        URL url = pluginResources.apply(schemaResource.startsWith("/") ? schemaResource.substring(1) : schemaResource);
        if (url == null) {
            return "plugin '" + pluginId + "' declares config schema '" + schemaResource
                    + "' (plugin.configSchema) but the plugin contains no such resource";
        }
        JsonSchema schema;
        try (InputStream in = url.openStream()) {
            JsonNode schemaNode = MAPPER.readTree(in);
            SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(schemaNode, false)
                    .orElse(SpecVersion.VersionFlag.V202012);
            schema = JsonSchemaFactory.getInstance(version).getSchema(schemaNode, CONFIG);
        } catch (IOException | RuntimeException e) {
            return "plugin '" + pluginId + "' has an unreadable config schema '" + schemaResource + "': "
                    + e.getMessage();
        }
        Set<ValidationMessage> errors;
        try {
            errors = schema.validate(MAPPER.readTree(config.encode()));
        } catch (IOException e) {
            return "configuration of plugin '" + pluginId + "' is not JSON: " + e.getMessage();
        }
        if (errors.isEmpty()) {
            return null;
        }
        return "configuration of plugin '" + pluginId + "' (plugins." + pluginId
                + " in ticketflow.yaml) does not match its schema: "
                + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
