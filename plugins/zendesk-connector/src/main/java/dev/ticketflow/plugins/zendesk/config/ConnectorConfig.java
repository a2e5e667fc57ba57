package dev.ticketflow.plugins.zendesk.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connector's configuration: its Zendesk instances and the inbound limits. The platform has
 * validated it against {@code config.schema.json}; this class only reads it.
 *
 * @param instances the instances by name
 * @param replayWindow how far a webhook's signature timestamp may be from now
 * @param ingestTimeout how long a webhook waits for the durable append before answering 503
 */
public record ConnectorConfig(
        Map<String, InstanceConfig> instances, Duration replayWindow, Duration ingestTimeout) {

    public ConnectorConfig {
        instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    public static ConnectorConfig fromJson(JsonObject json) {
        Map<String, InstanceConfig> instances = new LinkedHashMap<>();
        JsonObject section = json.getJsonObject("instances", new JsonObject());
        for (String name : section.fieldNames()) {
            instances.put(name, InstanceConfig.fromJson(name, section.getJsonObject(name)));
        }
        return new ConnectorConfig(
                instances,
                Duration.ofSeconds(json.getInteger("replayWindowSeconds", 300)),
                Duration.ofSeconds(json.getInteger("ingestTimeoutSeconds", 7)));
    }

    public Optional<InstanceConfig> instance(String name) {
        return Optional.ofNullable(instances.get(name));
    }

    public Collection<InstanceConfig> all() {
        return instances.values();
    }
}
