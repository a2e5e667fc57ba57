package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.plugins.slack.fakes.FakeSlack;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.plugins.slack.route.RouteException;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RoutesTest {

    private FakeSlack slack;

    @BeforeEach
    void startSlack(Vertx vertx) {
        slack = FakeSlack.start(vertx, Notifiers.BOT_TOKEN).await();
    }

    @AfterEach
    void everyRequestMatchedTheContract() {
        assertThat(slack.violations).isEmpty();
        slack.close().await();
    }

    private static JsonObject only(FakeSlack slack, JsonObject... routes) {
        JsonArray array = new JsonArray();
        for (JsonObject route : routes) {
            array.add(route);
        }
        return Notifiers.config(slack).put("defaultRoutes", false).put("routes", array);
    }

    private static JsonObject route(String name, String on, String when, String text) {
        return new JsonObject().put("name", name).put("on", on).put("when", when).put("channel", "C0123456789").put("text", text);
    }

    @Test
    void aConditionOnTagsAndPriorityPicksTheEventsItNames(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, only(slack,
                route("vip", "ticket.*", "'vip' in ticket.tags && ticket.priority != 'low'", "VIP ticket {{ticket.subject}}")));

        plugin.deliver(Notifiers.event("e1", "ticket.created", Notifiers.ticket("1", "Down", List.of("vip")), Map.of())).await();
        plugin.deliver(Notifiers.event("e2", "ticket.created", Notifiers.ticket("2", "Down", List.of()), Map.of())).await();
        plugin.deliver(Notifiers.event("e3", "feedback.classified", Notifiers.ticket("3", "Down", List.of("vip")), Map.of())).await();

        assertThat(slack.posted).singleElement()
                .satisfies(message -> assertThat(message.getString("text")).startsWith("VIP ticket Down").contains("ticket #1"));
    }

    @Test
    void userTextIsEscapedForMrkdwnSoItCannotMentionOrLink(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, only(slack, route("all", "ticket.created", null,
                "New: {{ticket.subject}} <{{ticket.url}}|#{{ticket.id}}>")));

        plugin.deliver(Notifiers.event("e4", "ticket.created",
                Notifiers.ticket("5", "<!channel> see <https://evil.example|this> & <@U999>", List.of()), Map.of())).await();

        assertThat(slack.posted).singleElement().satisfies(message -> assertThat(message.getString("text")).isEqualTo(
                "New: &lt;!channel&gt; see &lt;https://evil.example|this&gt; &amp; &lt;@U999&gt; <https://acme.zendesk.com/agent/tickets/5|#5>"));
    }

    @Test
    void theTicketLinkIsAddedWhenATemplateLeavesItOut(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, only(slack, route("bare", "ticket.solved", null, "Solved: {{ticket.subject}}")));

        plugin.deliver(Notifiers.event("e5", "ticket.solved", Notifiers.ticket("6", "Printer", List.of()), Map.of())).await();

        assertThat(slack.posted).singleElement().satisfies(message -> assertThat(message.getString("text"))
                .isEqualTo("Solved: Printer\n<https://acme.zendesk.com/agent/tickets/6|ticket #6>"));
    }

    @Test
    void aBlockKitTemplateIsRenderedWithEscapedValuesAndValidatesAgainstTheContract(Vertx vertx) {
        JsonArray blocks = new JsonArray().add(new JsonObject().put("type", "section").put("text", new JsonObject()
                .put("type", "mrkdwn").put("text", "*{{ticket.subject}}*\n<{{ticket.url}}|ticket #{{ticket.id}}>")));
        FakePluginContext plugin = Notifiers.start(vertx, only(slack,
                route("blocks", "ticket.created", null, "New ticket {{ticket.id}}").put("blocks", blocks)));

        plugin.deliver(Notifiers.event("e6", "ticket.created", Notifiers.ticket("8", "Quote \" and <tag>\nnew line", List.of()), Map.of())).await();

        assertThat(slack.posted).singleElement().satisfies(message -> {
            JsonArray sent = new JsonArray(message.getString("blocks"));
            assertThat(sent.getJsonObject(0).getJsonObject("text").getString("text"))
                    .isEqualTo("*Quote \" and &lt;tag&gt;\nnew line*\n<https://acme.zendesk.com/agent/tickets/8|ticket #8>");
            assertThat(message.getString("text")).contains("New ticket 8");
        });
    }

    @Test
    void aConditionFailingOnAMissingKeySkipsTheRoute(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, only(slack, route("strict", "escalation.raised", "data.severity == 'high'", "x")));

        plugin.deliver(Notifiers.event("e7", "escalation.raised", Notifiers.ticket("9", "s", List.of()), Map.of())).await();

        assertThat(slack.posted).isEmpty();
        assertThat(plugin.log().lines()).anyMatch(line -> line.contains("route 'strict' skipped"));
    }

    @Test
    void aConditionThatDoesNotCompileIsRefusedAtStartWithTheRouteAndTheError(Vertx vertx) {
        assertThatThrownBy(() -> Notifiers.start(vertx, only(slack, route("typo", "ticket.created", "tickt.priority == 'high'", "x"))))
                .isInstanceOf(RouteException.class)
                .hasMessageContaining("route 'typo'").hasMessageContaining("condition does not compile")
                .hasMessageContaining("undeclared reference to 'tickt'");
        assertThatThrownBy(() -> Notifiers.start(vertx, only(slack, route("syntax", "ticket.created", "type ==", "x"))))
                .hasMessageContaining("route 'syntax'").hasMessageContaining("condition does not compile");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedAtStart(Vertx vertx) {
        assertThatThrownBy(() -> Notifiers.start(vertx, only(slack, route("open", "ticket.created", null, "Hi {{#ticket}} unclosed"))))
                .isInstanceOf(RouteException.class)
                .hasMessageContaining("route 'open'").hasMessageContaining("text template does not compile");
        assertThatThrownBy(() -> Notifiers.start(vertx, only(slack,
                route("blocks", "ticket.created", null, "x").put("blocks", "[{\"type\": \"section\", {{ticket.id}}]"))))
                .hasMessageContaining("route 'blocks'").hasMessageContaining("JSON array");
        assertThatThrownBy(() -> Notifiers.start(vertx, only(slack, new JsonObject().put("name", "nochannel")
                .put("on", "ticket.created").put("text", "x"))))
                .hasMessageContaining("route 'nochannel'").hasMessageContaining("needs a channel");
    }
}
