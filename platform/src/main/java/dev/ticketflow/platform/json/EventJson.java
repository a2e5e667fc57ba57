package dev.ticketflow.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ticketflow.api.event.TicketEvent;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that knows how a {@link TicketEvent} looks as JSON: ISO-8601 instants, absent
 * optional parts left out, unknown members ignored (so older platforms read newer events).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {}

    /** The configured mapper, shared and thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(TicketEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toString(TicketEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an event.
     *
     * @param json the JSON text
     * @return the event
     * @throws IOException when it is not JSON or does not fit the event shape
     */
    public static TicketEvent fromBytes(byte[] json) throws IOException {
        return MAPPER.readValue(json, TicketEvent.class);
    }

    public static TicketEvent fromTree(JsonNode tree) throws IOException {
        return MAPPER.treeToValue(tree, TicketEvent.class);
    }
}
