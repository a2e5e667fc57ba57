package dev.ticketflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String SECRET_A = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SECRET_B = "whsec_" + "c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

    @TempDir
    Path base;

    private Path write(String yaml) throws IOException {
        Path file = base.resolve("conf/ticketflow.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void missingFileGivesTheEmbeddedDefaults() {
        TicketflowConfig config = ConfigLoader.load(base, base.resolve("conf/ticketflow.yaml"), Map.of());

        assertThat(config).isEqualTo(TicketflowConfig.defaults(base));
        assertThat(config.dataDir()).isEqualTo(base.resolve("data"));
        assertThat(config.adminToken()).isNull();
    }

    @Test
    void readsEveryKeyAndResolvesRelativeFoldersAgainstTheInstallation() throws IOException {
        Path file = write("""
                dataDir: var/data
                pluginsDir: /opt/ticketflow-plugins
                http:
                  host: 127.0.0.1
                  port: 9090
                  maxBodyBytes: 2048
                webhooks:
                  secrets: [%s, %s]
                admin:
                  token: s3cret
                delivery:
                  handlerTimeout: 45s
                pluginHost:
                  scanInterval: PT2S
                  disabled: [noisy-plugin]
                plugins:
                  new-ticket-tagger:
                    tag: fresh
                  empty-plugin:
                """.formatted(SECRET_A, SECRET_B));

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of());

        assertThat(config.dataDir()).isEqualTo(base.resolve("var/data"));
        assertThat(config.pluginsDir()).isEqualTo(Path.of("/opt/ticketflow-plugins"));
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.maxBodyBytes()).isEqualTo(2048);
        assertThat(config.webhookSecrets()).containsExactly(SECRET_A, SECRET_B);
        assertThat(config.adminToken()).isEqualTo("s3cret");
        assertThat(config.handlerTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.pluginScanInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.disabledPlugins()).containsExactly("noisy-plugin");
        assertThat(config.pluginConfig("new-ticket-tagger")).isEqualTo(new JsonObject().put("tag", "fresh"));
        assertThat(config.pluginConfig("empty-plugin")).isEqualTo(new JsonObject());
        assertThat(config.pluginConfig("absent-plugin")).isEqualTo(new JsonObject());
    }

    @Test
    void deliveryRetriesAndCircuitBreakerAreReadForAllPluginsAndOverriddenPerPlugin() throws IOException {
        Path file = write("""
                delivery:
                  retry:
                    maxAttempts: 4
                    delays: [1s, 1m, 1h]
                  circuitBreaker:
                    coolDown: 2m
                  plugins:
                    slack-notifier:
                      retry:
                        maxAttempts: 2
                      circuitBreaker:
                        failureThreshold: 0
                """);

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of());

        DeliveryPolicy all = config.delivery().forPlugin("any-plugin");
        assertThat(all.retry()).isEqualTo(new RetryPolicy(4,
                List.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1)), 0.2));
        assertThat(all.circuitBreaker()).isEqualTo(new CircuitBreakerPolicy(10, Duration.ofMinutes(2)));
        DeliveryPolicy slack = config.delivery().forPlugin("slack-notifier");
        assertThat(slack.retry()).isEqualTo(all.retry().withMaxAttempts(2));
        assertThat(slack.circuitBreaker().enabled()).isFalse();
        assertThat(slack.circuitBreaker().coolDown()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void withoutDeliverySettingsEveryPluginGetsSvixLikeRetriesAndTheCircuitBreaker() {
        DeliveryPolicy policy = TicketflowConfig.defaults(base).delivery().forPlugin("any");

        assertThat(policy.retry().maxAttempts()).isEqualTo(8);
        assertThat(policy.retry().delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        assertThat(policy.retry().delayBefore(2, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.retry().delayBefore(2, 1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(policy.retry().delayBefore(2, -1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.retry().delayBefore(20, 0)).as("the last delay repeats").isEqualTo(Duration.ofHours(10));
        assertThat(policy.circuitBreaker()).isEqualTo(new CircuitBreakerPolicy(10, Duration.ofSeconds(30)));
    }

    @Test
    void aDeliverySettingThatCannotWorkIsAnErrorNamingItsKey() throws IOException {
        Path noAttempts = write("""
                delivery:
                  plugins:
                    p:
                      retry:
                        maxAttempts: 0
                """);
        assertThatThrownBy(() -> ConfigLoader.load(base, noAttempts, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delivery.plugins.p.retry").hasMessageContaining("maxAttempts must be at least 1");
        Path badDelay = write("""
                delivery:
                  retry:
                    delays: [5s, soon]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(base, badDelay, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("delivery.retry.delays[1]");
        Path badJitter = write("""
                delivery:
                  retry:
                    jitter: 1.5
                """);
        assertThatThrownBy(() -> ConfigLoader.load(base, badJitter, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("delivery.retry: jitter");
    }

    @Test
    void interpolatesEnvironmentVariablesAndTheirDefaults() throws IOException {
        Path file = write("""
                http:
                  port: ${PORT}
                  host: ${BIND_HOST:-127.0.0.2}
                plugins:
                  zendesk-connector:
                    apiToken: "Bearer ${ZENDESK_TOKEN}"
                    nested: { list: ["${ZENDESK_TOKEN}", plain] }
                """);

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of("PORT", "7070", "ZENDESK_TOKEN", "zd-123"));

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.httpHost()).isEqualTo("127.0.0.2");
        JsonObject zendesk = config.pluginConfig("zendesk-connector");
        assertThat(zendesk.getString("apiToken")).isEqualTo("Bearer zd-123");
        assertThat(zendesk.getJsonObject("nested").getJsonArray("list").getList()).containsExactly("zd-123", "plain");
    }

    @Test
    void aValueFromTheEnvironmentIsTakenLiterallyAndEscapedDollarsStay() throws IOException {
        Path file = write("""
                admin:
                  token: ${TOKEN}
                plugins:
                  some-plugin:
                    template: "Hello $${name}"
                """);

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of("TOKEN", "a${OTHER}b", "OTHER", "x"));

        assertThat(config.adminToken()).isEqualTo("a${OTHER}b");
        assertThat(config.pluginConfig("some-plugin").getString("template")).isEqualTo("Hello ${name}");
    }

    @Test
    void anOptionalSecretLeftUnsetIsDroppedSoRotationCanBeWrittenAhead() throws IOException {
        Path file = write("""
                webhooks:
                  secrets:
                    - ${CURRENT_SECRET}
                    - ${PREVIOUS_SECRET:-}
                    -
                pluginHost:
                  disabled: ["", noisy-plugin]
                """);

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of("CURRENT_SECRET", SECRET_A));

        assertThat(config.webhookSecrets()).containsExactly(SECRET_A);
        assertThat(config.disabledPlugins()).containsExactly("noisy-plugin");
    }

    @Test
    void anUndefinedVariableIsAnErrorNamingTheKeyAndTheVariable() throws IOException {
        Path file = write("""
                plugins:
                  zendesk-connector:
                    apiToken: ${ZENDESK_TOKEN}
                """);

        assertThatThrownBy(() -> ConfigLoader.load(base, file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plugins.zendesk-connector.apiToken")
                .hasMessageContaining("ZENDESK_TOKEN")
                .extracting(e -> ((ConfigException) e).key())
                .isEqualTo("plugins.zendesk-connector.apiToken");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItAndTheKnownOnes() throws IOException {
        Path file = write("""
                http:
                  prot: 8080
                """);

        assertThatThrownBy(() -> ConfigLoader.load(base, file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("http.prot: unknown key")
                .hasMessageContaining("port");
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws IOException {
        Path file = write("datadir: data\n");

        assertThatThrownBy(() -> ConfigLoader.load(base, file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("datadir: unknown key")
                .hasMessageContaining("dataDir");
    }

    @Test
    void aWrongTypeIsAnErrorNamingTheKey() throws IOException {
        Path port = write("http:\n  port: eighty\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, port, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("http.port:")
                .hasMessageContaining("eighty");

        Path secrets = write("webhooks:\n  secrets: { a: b }\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, secrets, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("webhooks.secrets: expected a list, got a mapping");

        Path timeout = write("delivery:\n  handlerTimeout: soon\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, timeout, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("delivery.handlerTimeout:")
                .hasMessageContaining("30s");

        Path section = write("plugins:\n  new-ticket-tagger: yes\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, section, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("plugins.new-ticket-tagger:");
    }

    @Test
    void aPortOutOfRangeAndAMalformedSecretAreRefused() throws IOException {
        Path port = write("http:\n  port: 70000\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, port, Map.of()))
                .hasMessageStartingWith("http.port:");

        Path secret = write("webhooks:\n  secrets: [not-a-secret]\n");
        assertThatThrownBy(() -> ConfigLoader.load(base, secret, Map.of()))
                .hasMessageStartingWith("webhooks.secrets:")
                .hasMessageContaining("whsec_");
    }

    @Test
    void environmentOverridesWinOverTheFile() throws IOException {
        Path file = write("""
                dataDir: from-file
                http:
                  port: 9090
                admin:
                  token: from-file
                webhooks:
                  secrets: [%s]
                """.formatted(SECRET_A));

        TicketflowConfig config = ConfigLoader.load(base, file, Map.of(
                "TICKETFLOW_HTTP_PORT", "9191",
                "TICKETFLOW_HTTP_HOST", "127.0.0.1",
                "TICKETFLOW_DATA_DIR", "/srv/ticketflow",
                "TICKETFLOW_PLUGINS_DIR", "more-plugins",
                "TICKETFLOW_WEBHOOK_SECRETS", SECRET_B + " , " + SECRET_A,
                "TICKETFLOW_ADMIN_TOKEN", "from-env"));

        assertThat(config.httpPort()).isEqualTo(9191);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/ticketflow"));
        assertThat(config.pluginsDir()).isEqualTo(base.resolve("more-plugins"));
        assertThat(config.webhookSecrets()).containsExactly(SECRET_B, SECRET_A);
        assertThat(config.adminToken()).isEqualTo("from-env");
    }

    @Test
    void environmentOverridesApplyWithoutAFileAndBadOnesNameTheVariable() {
        Path missing = base.resolve("conf/ticketflow.yaml");
        assertThat(ConfigLoader.load(base, missing, Map.of("TICKETFLOW_HTTP_PORT", "0")).httpPort()).isZero();

        assertThatThrownBy(() -> ConfigLoader.load(base, missing, Map.of("TICKETFLOW_HTTP_PORT", "http")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TICKETFLOW_HTTP_PORT:");
        assertThatThrownBy(() -> ConfigLoader.load(base, missing, Map.of("TICKETFLOW_WEBHOOK_SECRETS", "oops")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TICKETFLOW_WEBHOOK_SECRETS:");
    }

    @Test
    void anEmptyFileOrBlankTokenMeansDefaults() throws IOException {
        assertThat(ConfigLoader.load(base, write(""), Map.of())).isEqualTo(TicketflowConfig.defaults(base));

        Path blankToken = write("admin:\n  token: ${ADMIN_TOKEN:-}\n");
        assertThat(ConfigLoader.load(base, blankToken, Map.of()).adminToken()).isNull();
    }

    @Test
    void malformedYamlIsAnErrorWithItsLine() throws IOException {
        Path file = write("http:\n  port: [8080\n");

        assertThatThrownBy(() -> ConfigLoader.load(base, file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
    }

    @Test
    void durationsAcceptTheShortAndTheIsoForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(List.of("", "30", "3 weeks", "P")).allSatisfy(text ->
                assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class));
    }
}
