package dev.ticketflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.ConfigLoader;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.json.EventJson;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The folder and the tarball have what the README promises. */
class LayoutTest {

    private final Path home = Distribution.home();

    @Test
    void theFolderHasAnExecutableScriptConfigurationAndAnEmptyDataFolder() throws IOException {
        assertThat(home.resolve("bin/ticketflow")).isExecutable();
        assertThat(home.resolve("conf/ticketflow.yaml")).isRegularFile();
        assertThat(home.resolve("conf/logback.xml")).isRegularFile();
        assertThat(home.resolve("data")).isEmptyDirectory();
        assertThat(home.resolve("examples/ticket-created.json")).isRegularFile();
        assertThat(home.resolve("examples/comment-added.json")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
    }

    @Test
    void theShippedConfigurationLoadsToTheEmbeddedDefaults() {
        TicketflowConfig shipped = ConfigLoader.load(home, home.resolve("conf/ticketflow.yaml"), Map.of());

        assertThat(shipped.withPlugins(Map.of())).isEqualTo(TicketflowConfig.defaults(home));
        assertThat(shipped.pluginConfig("new-ticket-tagger")).isEqualTo(new JsonObject().put("tag", "new"));
    }

    @Test
    void theShippedConfigurationHasASectionForEveryBundledPluginAndNoSecret() throws IOException {
        TicketflowConfig shipped = ConfigLoader.load(home, home.resolve("conf/ticketflow.yaml"), Map.of());

        for (String plugin : List.of("new-ticket-tagger", "zendesk-connector", "feedback-triage", "satisfaction-survey",
                "gitlab-issue-linker", "slack-notifier", "venting-escalation", "apology-tone-linter")) {
            assertThat(shipped.pluginConfig(plugin)).as(plugin).isNotEqualTo(new JsonObject());
        }
        JsonObject slack = shipped.pluginConfig("slack-notifier");
        assertThat(slack.getJsonObject("slack").getString("botToken")).isEmpty();
        assertThat(slack.getJsonArray("routes").stream().map(route -> ((JsonObject) route).getString("channel")).toList())
                .containsExactly("#product", "#support-managers", "#ssat-oncall");
        assertThat(shipped.pluginConfig("gitlab-issue-linker").getJsonObject("gitlab").getString("token")).isEmpty();
        assertThat(shipped.pluginConfig("feedback-triage").getJsonObject("refunds").getString("group")).isEqualTo("Refunds");
    }

    @Test
    void theZendeskTriggerBodyTemplatesShipInConf() throws IOException {
        for (String template : List.of("trigger-satisfaction.json", "trigger-ticket.json")) {
            Path file = home.resolve("conf/zendesk").resolve(template);
            assertThat(file).isRegularFile();
            assertThat(Files.readString(file)).contains("\"event_type\"").contains("{{ticket.id}}");
        }
    }

    @Test
    void everyExampleIsATicketEventWithNothingUnknownInIt() throws IOException {
        ObjectMapper strict = EventJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Path> examples = Distribution.files("examples", ".json");

        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (Path example : examples) {
            TicketEvent event = strict.readValue(example.toFile(), TicketEvent.class);
            assertThat(event.type()).as(example.getFileName().toString()).startsWith("ticket.");
            assertThat(event.ticket().id()).isNotBlank();
        }
        TicketEvent comment = strict.readValue(home.resolve("examples/comment-added.json").toFile(), TicketEvent.class);
        assertThat(comment.comment().byEndUser()).isTrue();
    }

    @Test
    void theTarballUnpacksToTheSameFolder() throws IOException, InterruptedException {
        Path tarball = home.resolveSibling(home.getFileName() + ".tar.gz");
        List<String> entries = tarEntries(tarball);
        String root = home.getFileName() + "/";

        assertThat(entries).contains(root + "bin/ticketflow", root + "conf/ticketflow.yaml", root + "data/");
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            plugins.forEach(plugin -> assertThat(entries).contains(root + "plugins/" + plugin.getFileName()));
        }
    }

    private static List<String> tarEntries(Path tarball) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        List<String> names = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(tar.waitFor()).as("tar -tzf %s: %s", tarball, names).isZero();
        return names;
    }
}
