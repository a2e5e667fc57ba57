package dev.ticketflow.plugins.zendesk.provision;

import static dev.ticketflow.plugins.zendesk.ZendeskValues.id;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.zendesk.WebhookSecrets;
import dev.ticketflow.plugins.zendesk.config.ConnectorConfig;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import dev.ticketflow.plugins.zendesk.config.InvalidConfigException;
import dev.ticketflow.plugins.zendesk.outbound.ZendeskApi;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets a Zendesk instance up for Ticketflow, idempotently: the event-subscription webhook, the
 * trigger webhook and the satisfaction trigger are looked up by name/title first, created when
 * missing, updated when they differ and left alone when they match — a second run changes
 * nothing. The webhooks' signing secrets are fetched and stored, so the connector verifies them
 * without a configuration change. This is what {@code ticketflow zendesk install} calls.
 */
public final class ZendeskProvisioner {

    private static final String WEBHOOKS = "/api/v2/webhooks";
    private static final String TRIGGERS = "/api/v2/triggers";
    private static final int MAX_PAGES = 10;

    private final ConnectorConfig config;
    private final WebClient client;
    private final Context context;
    private final WebhookSecrets secrets;
    private final Log log;

    /**
     * A provisioner for the connector's configured instances.
     *
     * @param vertx Vert.x; requests run on its current (or a new) context
     * @param pluginConfig the connector's configuration section, with {@code ${ENV}} resolved
     * @param store the connector's key/value store, where the signing secrets are kept
     * @param log where progress is reported
     */
    public ZendeskProvisioner(Vertx vertx, JsonObject pluginConfig, KeyValueStore store, Log log) {
        this.config = ConnectorConfig.fromJson(pluginConfig);
        this.client = WebClient.create(vertx);
        this.context = vertx.getOrCreateContext();
        this.secrets = new WebhookSecrets(store);
        this.log = log;
    }

    /**
     * Creates or updates what the instance needs to send Ticketflow its events.
     *
     * @param instanceName a configured instance, with admin credentials
     * @param publicUrl the platform's public base URL (e.g. {@code https://ticketflow.example.com});
     *     the webhooks call {@code <publicUrl>/hooks/zendesk-connector/<instance>}
     * @return what was created, updated or left unchanged, and the signing secrets
     */
    public Future<ProvisioningResult> install(String instanceName, URI publicUrl) {
        InstanceConfig instance;
        try {
            instance = config.instance(instanceName).orElseThrow(() -> new InvalidConfigException(
                    "no Zendesk instance named '" + instanceName + "' is configured; configured are " + config.instances().keySet()));
            if (instance.dryRun()) {
                throw new InvalidConfigException("Zendesk instance '" + instanceName + "' has no credentials: the installer"
                        + " needs an admin's auth.email + auth.apiToken (or auth.oauthToken)");
            }
        } catch (InvalidConfigException e) {
            return Future.failedFuture(e);
        }
        String endpoint = endpoint(publicUrl, instanceName);
        ZendeskApi api = new ZendeskApi(client, context, instance, log);
        List<ProvisioningResult.Item> items = new ArrayList<>();
        List<String> fetchedSecrets = new ArrayList<>();
        JsonObject eventsWebhook = Blueprint.webhook(Blueprint.eventsWebhookName(instanceName), endpoint,
                Blueprint.EVENT_SUBSCRIPTIONS);
        JsonObject triggersWebhook = Blueprint.webhook(Blueprint.triggersWebhookName(instanceName), endpoint,
                List.of(Blueprint.TRIGGER_SUBSCRIPTION));
        return ensureWebhook(api, eventsWebhook, items)
                .compose(eventsId -> storeSecret(api, instanceName, eventsId, fetchedSecrets))
                .compose(stored -> ensureWebhook(api, triggersWebhook, items))
                .compose(triggersId -> storeSecret(api, instanceName, triggersId, fetchedSecrets)
                        .compose(stored -> ensureTrigger(api, Blueprint.satisfactionTrigger(instanceName, triggersId), items)))
                .map(done -> new ProvisioningResult(instanceName, endpoint, items, fetchedSecrets))
                .onSuccess(result -> log.info("Zendesk instance '{}' provisioned: {}", instanceName, result));
    }

    /** Releases the HTTP client. */
    public void close() {
        client.close();
    }

    static String endpoint(URI publicUrl, String instance) {
        String base = publicUrl.toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/hooks/zendesk-connector/" + instance;
    }

    private Future<String> ensureWebhook(ZendeskApi api, JsonObject wanted, List<ProvisioningResult.Item> items) {
        String name = wanted.getString("name");
        return findWebhook(api, name).compose(found -> {
            if (found.isEmpty()) {
                return api.post(WEBHOOKS, new JsonObject().put("webhook", wanted)).map(created -> {
                    String webhookId = id(created.getJsonObject("webhook", new JsonObject()).getValue("id"));
                    items.add(new ProvisioningResult.Item("webhook", name, webhookId, ProvisioningResult.Outcome.CREATED));
                    return webhookId;
                });
            }
            JsonObject existing = found.get();
            String webhookId = id(existing.getValue("id"));
            if (sameWebhook(existing, wanted)) {
                items.add(new ProvisioningResult.Item("webhook", name, webhookId, ProvisioningResult.Outcome.UNCHANGED));
                return Future.succeededFuture(webhookId);
            }
            return api.put(WEBHOOKS + "/" + webhookId, new JsonObject().put("webhook", wanted)).map(updated -> {
                items.add(new ProvisioningResult.Item("webhook", name, webhookId, ProvisioningResult.Outcome.UPDATED));
                return webhookId;
            });
        });
    }

    private Future<Optional<JsonObject>> findWebhook(ZendeskApi api, String name) {
        return api.get(WEBHOOKS, Map.of("filter[name_contains]", name)).map(page -> {
            for (Object webhook : page.getJsonArray("webhooks", new JsonArray())) {
                if (webhook instanceof JsonObject json && name.equals(json.getString("name"))) {
                    return Optional.of(json);
                }
            }
            return Optional.empty();
        });
    }

    private static boolean sameWebhook(JsonObject existing, JsonObject wanted) {
        for (String field : List.of("endpoint", "http_method", "request_format", "status")) {
            if (!String.valueOf(wanted.getValue(field)).equalsIgnoreCase(String.valueOf(existing.getValue(field)))) {
                return false;
            }
        }
        return new HashSet<>(existing.getJsonArray("subscriptions", new JsonArray()).getList())
                .equals(new HashSet<>(wanted.getJsonArray("subscriptions").getList()));
    }

    private Future<Void> storeSecret(ZendeskApi api, String instance, String webhookId, List<String> fetched) {
        return api.get(WEBHOOKS + "/" + webhookId + "/signing_secret").compose(answer -> {
            String secret = answer.getJsonObject("signing_secret", new JsonObject()).getString("secret");
            if (secret == null || secret.isBlank()) {
                return Future.failedFuture(new IllegalStateException(
                        "Zendesk returned no signing secret for webhook " + webhookId + " of instance " + instance));
            }
            fetched.add(secret);
            return secrets.remember(instance, secret);
        });
    }

    private Future<Void> ensureTrigger(ZendeskApi api, JsonObject wanted, List<ProvisioningResult.Item> items) {
        String title = wanted.getString("title");
        return findTrigger(api, title, Map.of("query", title), 1).compose(found -> {
            if (found.isEmpty()) {
                return api.post(TRIGGERS, new JsonObject().put("trigger", wanted)).map(created -> {
                    String triggerId = id(created.getJsonObject("trigger", new JsonObject()).getValue("id"));
                    items.add(new ProvisioningResult.Item("trigger", title, triggerId, ProvisioningResult.Outcome.CREATED));
                    return null;
                });
            }
            JsonObject existing = found.get();
            String triggerId = id(existing.getValue("id"));
            if (sameTrigger(existing, wanted)) {
                items.add(new ProvisioningResult.Item("trigger", title, triggerId, ProvisioningResult.Outcome.UNCHANGED));
                return Future.succeededFuture();
            }
            // an update replaces conditions and actions as a whole, so send them all
            return api.put(TRIGGERS + "/" + triggerId, new JsonObject().put("trigger", wanted)).map(updated -> {
                items.add(new ProvisioningResult.Item("trigger", title, triggerId, ProvisioningResult.Outcome.UPDATED));
                return null;
            });
        });
    }

    private Future<Optional<JsonObject>> findTrigger(ZendeskApi api, String title, Map<String, String> query, int page) {
        return api.get(TRIGGERS + "/search", query).compose(answer -> {
            for (Object trigger : answer.getJsonArray("triggers", new JsonArray())) {
                if (trigger instanceof JsonObject json && title.equals(json.getString("title"))) {
                    return Future.succeededFuture(Optional.of(json));
                }
            }
            String next = answer.getString("next_page");
            if (next == null || page >= MAX_PAGES) {
                return Future.succeededFuture(Optional.empty());
            }
            Map<String, String> nextQuery = new HashMap<>(query);
            nextQuery.put("page", Integer.toString(page + 1));
            return findTrigger(api, title, nextQuery, page + 1);
        });
    }

    private static boolean sameTrigger(JsonObject existing, JsonObject wanted) {
        return existing.getBoolean("active", false) == wanted.getBoolean("active")
                && normalisedConditions(existing.getJsonObject("conditions")).equals(normalisedConditions(wanted.getJsonObject("conditions")))
                && wanted.getJsonArray("actions").equals(existing.getJsonArray("actions"));
    }

    /** Zendesk may answer an empty {@code any} as {@code null} or leave it out. */
    private static JsonObject normalisedConditions(JsonObject conditions) {
        JsonObject source = conditions == null ? new JsonObject() : conditions;
        return new JsonObject()
                .put("all", source.getJsonArray("all") == null ? new JsonArray() : source.getJsonArray("all"))
                .put("any", source.getJsonArray("any") == null ? new JsonArray() : source.getJsonArray("any"));
    }
}
