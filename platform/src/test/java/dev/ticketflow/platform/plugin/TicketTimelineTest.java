package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.plugin.testplugins.FailingPlugin;
import dev.ticketflow.platform.plugin.testplugins.FakeConnectorPlugin;
import dev.ticketflow.platform.plugin.testplugins.PortCallerPlugin;
import dev.ticketflow.platform.plugin.testplugins.RecordingPlugin;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /admin/tickets/{id}/timeline}: why did Ticketflow do that? */
class TicketTimelineTest {

    @TempDir
    Path base;

    private PluginHostFixture platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theTimelineShowsTheEventItsDeliveriesAndEveryPortActionWithItsResultOrError() {
        PluginJar.plugin("connector").extension(FakeConnectorPlugin.class).permissions("helpdesk:provide")
                .writeTo(PluginHostFixture.pluginsDir(base));
        caller("tagger", "helpdesk:tag");
        caller("assigner", "helpdesk:assign");
        caller("replier", "helpdesk:tag");
        PluginJar.plugin("broken").extension(FailingPlugin.class).subscriptions("ticket.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base, config -> config.withPlugins(actions(
                "tagger", "tag", "assigner", "assign", "replier", "reply")));

        String eventId = platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            List<JsonObject> entries = entries(ok(platform.getTimeline("7", "")));
            JsonObject accepted = entries.get(0);
            assertThat(accepted.getString("kind")).isEqualTo("event.accepted");
            assertThat(accepted.getString("eventId")).isEqualTo(eventId);
            assertThat(accepted.getString("outcome")).isEqualTo("accepted");
            assertThat(accepted.getString("source")).isEqualTo("test:desk");
            assertThat(accepted.getString("summary")).isEqualTo("accepted ticket.created event " + eventId);
            JsonObject tagged = one(entries, "helpdesk.add_tags", "tagger");
            assertThat(tagged.getString("outcome")).isEqualTo("succeeded");
            assertThat(tagged.getString("summary")).isEqualTo("added tags [seen-by-tagger]");
            assertThat(tagged.getString("eventId")).isEqualTo(eventId);
            assertThat(tagged.getJsonObject("detail").getJsonArray("values")).containsExactly("seen-by-tagger");
            JsonObject assigned = one(entries, "helpdesk.assign_group", "assigner");
            assertThat(assigned.getString("outcome")).isEqualTo("failed");
            assertThat(assigned.getString("summary")).isEqualTo("could not assign the ticket to group nowhere");
            assertThat(assigned.getString("error")).isEqualTo("no such group: nowhere");
            JsonObject refused = one(entries, "helpdesk.public_reply", "replier");
            assertThat(refused.getString("outcome")).isEqualTo("failed");
            assertThat(refused.getString("error")).contains("lacks permission 'helpdesk:comment:public'");
            JsonObject delivered = one(entries, "delivery", "tagger");
            assertThat(delivered.getString("outcome")).isEqualTo("succeeded");
            assertThat(delivered.getString("source")).isEqualTo("test:desk");
            assertThat(delivered.getJsonObject("detail").getInteger("attempt")).isEqualTo(1);
            JsonObject failed = one(entries, "delivery", "broken");
            assertThat(failed.getString("outcome")).isEqualTo("failed");
            assertThat(failed.getString("error")).contains("cannot handle " + eventId);
            // a plugin's actions come before the outcome of the delivery they were part of
            assertThat(entries.indexOf(one(entries, "helpdesk.add_tags", "tagger")))
                    .isLessThan(entries.indexOf(one(entries, "delivery", "tagger")));
        });
        assertThat(entries(ok(platform.getTimeline("8", "")))).isEmpty();
    }

    @Test
    void anEmittedEventIsRecordedAsTheEmittersActionAndAsAnAcceptedEvent() {
        caller("classifier", "events:emit");
        PluginJar.plugin("listener").extension(RecordingPlugin.class).subscriptions("feedback.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
        platform = PluginHostFixture.start(base, config -> config.withPlugins(Map.of(
                "classifier", new JsonObject().put("action", "emit"),
                "listener", new JsonObject().put("handle", "feedback.*"))));

        platform.accept("ticket.created", "7");

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            List<JsonObject> entries = platform.timeline("7");
            JsonObject emitted = one(entries, "event.emit", "classifier");
            String emittedId = emitted.getJsonObject("detail").getString("emittedId");
            assertThat(emitted.getString("summary")).isEqualTo("emitted feedback.classified event " + emittedId);
            assertThat(entries).anySatisfy(entry -> {
                assertThat(entry.getString("kind")).isEqualTo("event.accepted");
                assertThat(entry.getString("eventId")).isEqualTo(emittedId);
            });
            assertThat(one(entries, "delivery", "listener").getString("eventId")).isEqualTo(emittedId);
        });
    }

    @Test
    void pagesRunOldestFirstAndLinkToTheNextPage() {
        platform = PluginHostFixture.start(base);
        for (int i = 0; i < 5; i++) {
            platform.accept("ticket.updated", "7");
        }

        JsonObject first = ok(platform.getTimeline("7", "?limit=2"));
        JsonObject second = ok(platform.getAdmin(first.getString("next"), platform.server.adminToken()));
        JsonObject last = ok(platform.getAdmin(second.getString("next"), platform.server.adminToken()));

        assertThat(first.getString("ticketId")).isEqualTo("7");
        assertThat(entries(first)).hasSize(2);
        assertThat(entries(second)).hasSize(2);
        assertThat(entries(last)).hasSize(1);
        assertThat(last.getValue("next")).isNull();
        List<Long> seqs = new ArrayList<>();
        for (JsonObject page : List.of(first, second, last)) {
            entries(page).forEach(entry -> seqs.add(entry.getLong("seq")));
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void theSourceParameterNarrowsTheTimelineToOneHelpDesk() {
        platform = PluginHostFixture.start(base);
        platform.accept("ticket.created", "7");

        assertThat(entries(ok(platform.getTimeline("7", "?source=test:desk")))).hasSize(1);
        assertThat(entries(ok(platform.getTimeline("7", "?source=other:desk")))).isEmpty();
    }

    @Test
    void withoutTheAdminTokenTheTimelineAnswers401() {
        platform = PluginHostFixture.start(base);

        HttpResponse<Buffer> response = platform.getAdmin("/admin/tickets/7/timeline", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(platform.getAdmin("/admin/tickets/7/timeline", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void aLimitOutOfRangeIsAProblemNamingTheParameter() {
        platform = PluginHostFixture.start(base);

        HttpResponse<Buffer> response = platform.getTimeline("7", "?limit=5000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.bodyAsJsonObject().getString("parameter")).isEqualTo("limit");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("from 1 to 1000");
    }

    private void caller(String id, String permissions) {
        PluginJar.plugin(id).extension(PortCallerPlugin.class).subscriptions("ticket.*,test.*")
                .permissions(permissions).writeTo(PluginHostFixture.pluginsDir(base));
    }

    private static Map<String, JsonObject> actions(String... idsAndActions) {
        Map<String, JsonObject> sections = new HashMap<>();
        for (int i = 0; i < idsAndActions.length; i += 2) {
            sections.put(idsAndActions[i], new JsonObject().put("action", idsAndActions[i + 1]));
        }
        return sections;
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static List<JsonObject> entries(JsonObject page) {
        JsonArray entries = page.getJsonArray("entries");
        return entries.stream().map(JsonObject.class::cast).toList();
    }

    private static JsonObject one(List<JsonObject> entries, String kind, String plugin) {
        Predicate<JsonObject> matches = entry -> kind.equals(entry.getString("kind"))
                && plugin.equals(entry.getString("plugin"));
        assertThat(entries).filteredOn(matches).as("%s by %s in %s", kind, plugin, entries).hasSize(1);
        return entries.stream().filter(matches).findFirst().orElseThrow();
    }
}
