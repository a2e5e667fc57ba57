package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the platform reads from the plugin: descriptor, extension index, config schema, templates. */
class PluginPackagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDescriptorDeclaresTheConnectorsPermissionsAndSchema() throws IOException {
        Properties descriptor = new Properties();
        try (InputStream in = resource("plugin.properties")) {
            descriptor.load(in);
        }
        assertThat(descriptor.getProperty("plugin.id")).isEqualTo("zendesk-connector");
        assertThat(descriptor.getProperty("plugin.version")).doesNotContain("${");
        assertThat(descriptor.getProperty("plugin.permissions").split(",")).containsExactlyInAnyOrder("helpdesk:provide", "events:emit");
        assertThat(resource(descriptor.getProperty("plugin.configSchema"))).isNotNull();
    }

    @Test
    void theExtensionIndexNamesTheConnector() throws Exception {
        // read it where the connector's classes are, not wherever the class path finds one first
        Path classes = Path.of(ZendeskConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.readString(classes.resolve("META-INF/extensions.idx"))).contains(ZendeskConnector.class.getName());
    }

    @Test
    void theTriggerTemplatesTravelInsideThePluginJar() {
        assertThat(resource("templates/trigger-satisfaction.json")).isNotNull();
        assertThat(resource("templates/trigger-ticket.json")).isNotNull();
    }

    @Test
    void aTypicalConfigurationPassesTheSchema() throws IOException {
        assertThat(errors("""
                {"replayWindowSeconds": 300,
                 "instances": {
                   "acme": {"subdomain": "acme", "auth": {"email": "ops@acme.test", "apiToken": ""},
                            "webhookSecret": "s", "requestsPerMinute": 700},
                   "globex-eu": {"baseUrl": "https://support.globex.example", "auth": {"oauthToken": "t"},
                                 "webhookSecret": ["old", "new"]}}}
                """)).isEmpty();
        assertThat(errors("{}")).isEmpty();
    }

    @Test
    void theSchemaRefusesAmbiguousOrMistypedInstances() throws IOException {
        assertThat(errors("{\"instances\": {\"acme\": {\"subdomain\": \"acme\", \"baseUrl\": \"https://acme.zendesk.com\"}}}")).isNotEmpty();
        assertThat(errors("{\"instances\": {\"acme\": {}}}")).isNotEmpty();
        assertThat(errors("{\"instances\": {\"acme\": {\"subdomain\": \"acme\", \"token\": \"x\"}}}")).anyMatch(e -> e.contains("token"));
        assertThat(errors("{\"instances\": {\"acme\": {\"subdomain\": \"acme\", \"requestsPerMinute\": 0}}}")).isNotEmpty();
        assertThat(errors("{\"instances\": {\"Acme Corp\": {\"subdomain\": \"acme\"}}}")).isNotEmpty();
        assertThat(errors("{\"instances\": {\"acme\": {\"subdomain\": \"https://acme.zendesk.com\"}}}")).isNotEmpty();
    }

    private static Set<String> errors(String config) throws IOException {
        try (InputStream schemaText = resource("config.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
            JsonNode node = JSON.readTree(config);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        }
    }

    private static InputStream resource(String name) {
        return PluginPackagingTest.class.getClassLoader().getResourceAsStream(name);
    }
}
