package dev.ticketflow.plugins.zendesk;

import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signing secrets an instance's webhooks may use: the configured ones and those the
 * installer fetched from Zendesk and stored (key {@code webhook-secrets:<instance>}, a JSON array),
 * so an installed webhook is verified without editing the configuration.
 */
public final class WebhookSecrets {

    private final KeyValueStore store;

    public WebhookSecrets(KeyValueStore store) {
        this.store = store;
    }

    static String key(String instance) {
        return "webhook-secrets:" + instance;
    }

    /** Every secret that may have signed a webhook to this instance. */
    public Future<List<String>> of(InstanceConfig instance) {
        return stored(instance.name()).map(stored -> {
            Set<String> all = new LinkedHashSet<>(instance.webhookSecrets());
            all.addAll(stored);
            return List.copyOf(all);
        });
    }

    /** Remembers a secret fetched from Zendesk; storing one twice changes nothing. */
    public Future<Void> remember(String instance, String secret) {
        return stored(instance).compose(stored -> {
            if (stored.contains(secret)) {
                return Future.succeededFuture();
            }
            List<String> updated = new ArrayList<>(stored);
            updated.add(secret);
            return store.put(key(instance), new JsonArray(updated).encode());
        });
    }

    private Future<List<String>> stored(String instance) {
        return store.get(key(instance)).map(value -> {
            List<String> secrets = new ArrayList<>();
            if (value != null && !value.isBlank()) {
                new JsonArray(value).forEach(secret -> secrets.add(String.valueOf(secret)));
            }
            return secrets;
        });
    }
}
