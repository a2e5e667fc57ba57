package dev.ticketflow.plugins.zendesk.inbound;

import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.json.JsonObject;

/** Tells the two kinds of Zendesk webhook apart and maps each. */
public final class ZendeskPayloads {

    private ZendeskPayloads() {}

    /**
     * Maps a payload.
     *
     * @throws UnmappablePayloadException naming the field when it cannot be mapped
     */
    public static Mapping map(JsonObject payload, InstanceConfig instance) {
        try {
            if (payload.getValue("type") instanceof String type && type.startsWith(EventSubscriptionMapper.TYPE_PREFIX)) {
                return EventSubscriptionMapper.map(payload, instance);
            }
            if (payload.containsKey(TriggerPayloadMapper.EVENT_TYPE)) {
                return TriggerPayloadMapper.map(payload, instance);
            }
        } catch (ClassCastException wrongType) {
            throw new UnmappablePayloadException("payload", "has a field of an unexpected JSON type: " + wrongType.getMessage());
        }
        throw new UnmappablePayloadException("type", "is missing: neither a Zendesk event (\"type\": \"zen:event-type:…\")"
                + " nor a body of the Ticketflow trigger template (\"event_type\")");
    }
}
