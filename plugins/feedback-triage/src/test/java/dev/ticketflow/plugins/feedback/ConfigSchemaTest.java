package dev.ticketflow.plugins.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The platform validates the configuration against the schema; the defaults must pass it too. */
class ConfigSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = ConfigSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode config) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(resource("config.schema.json"));
        return schema.validate(config);
    }

    @Test
    void theShippedDefaultsSatisfyTheSchema() throws Exception {
        assertThat(validate(resource(SettingsReader.DEFAULTS))).isEmpty();
    }

    @Test
    void theSchemaNamesAnUnknownCategory() throws Exception {
        assertThat(validate(JSON.readTree("{\"tags\": {\"praise\": \"compliment\"}}")))
                .extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString)
                .contains("$.tags.praise");
    }
}
