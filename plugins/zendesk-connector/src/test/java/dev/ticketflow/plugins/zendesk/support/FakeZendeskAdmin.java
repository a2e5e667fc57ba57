package dev.ticketflow.plugins.zendesk.support;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fake's admin side: the Webhooks API and triggers, as the installer uses them. */
final class FakeZendeskAdmin {

    private static final Pattern WEBHOOK = Pattern.compile("/api/v2/webhooks/([A-Za-z0-9]+)");
    private static final Pattern SIGNING_SECRET = Pattern.compile("/api/v2/webhooks/([A-Za-z0-9]+)/signing_secret");
    private static final Pattern TRIGGER = Pattern.compile("/api/v2/triggers/([0-9]+)");

    private FakeZendeskAdmin() {}

    static void route(FakeZendesk fake, HttpServerRequest request, String method, String path, JsonObject body) {
        Map<String, JsonObject> webhooks = fake.webhookState();
        Map<Long, JsonObject> triggers = fake.triggerState();
        Matcher m;
        if (path.equals("/api/v2/webhooks") && method.equals("GET")) {
            String filter = request.getParam("filter[name_contains]", "");
            List<JsonObject> found = new ArrayList<>();
            webhooks.values().stream().filter(w -> w.getString("name").contains(filter)).forEach(found::add);
            FakeZendesk.answer(request, 200, new JsonObject().put("webhooks", new JsonArray(new ArrayList<>(found)))
                    .put("meta", new JsonObject().put("has_more", false)).put("links", new JsonObject()));
        } else if (path.equals("/api/v2/webhooks") && method.equals("POST")) {
            JsonObject webhook = body.getJsonObject("webhook").copy().put("id", fake.newWebhookId());
            webhooks.put(webhook.getString("id"), webhook);
            FakeZendesk.answer(request, 201, new JsonObject().put("webhook", webhook));
        } else if ((m = SIGNING_SECRET.matcher(path)).matches() && webhooks.containsKey(m.group(1))) {
            FakeZendesk.answer(request, 200, new JsonObject().put("signing_secret",
                    new JsonObject().put("algorithm", "SHA256").put("secret", FakeZendesk.secretOf(m.group(1)))));
        } else if ((m = WEBHOOK.matcher(path)).matches() && method.equals("PUT") && webhooks.containsKey(m.group(1))) {
            webhooks.put(m.group(1), body.getJsonObject("webhook").copy().put("id", m.group(1)));
            request.response().setStatusCode(204).end();
        } else if (path.equals("/api/v2/triggers/search")) {
            String query = request.getParam("query", "");
            List<JsonObject> found = new ArrayList<>();
            triggers.values().stream().filter(t -> t.getString("title").contains(query)).forEach(found::add);
            FakeZendesk.answer(request, 200, new JsonObject().put("triggers", new JsonArray(new ArrayList<>(found)))
                    .put("count", found.size()).put("next_page", null).put("previous_page", null));
        } else if (path.equals("/api/v2/triggers") && method.equals("POST")) {
            JsonObject trigger = body.getJsonObject("trigger").copy().put("id", fake.newId());
            triggers.put(trigger.getLong("id"), trigger);
            FakeZendesk.answer(request, 201, new JsonObject().put("trigger", trigger));
        } else if ((m = TRIGGER.matcher(path)).matches() && method.equals("PUT") && triggers.containsKey(Long.parseLong(m.group(1)))) {
            long id = Long.parseLong(m.group(1));
            JsonObject trigger = body.getJsonObject("trigger").copy().put("id", id);
            triggers.put(id, trigger);
            FakeZendesk.answer(request, 200, new JsonObject().put("trigger", trigger));
        } else {
            FakeZendesk.answer(request, 404, new JsonObject().put("error", "InvalidEndpoint")
                    .put("description", "Not found: " + method + " " + path));
        }
    }
}
