package dev.ticketflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.platform.mail.MailSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of dry run, mail and retention in {@code conf/ticketflow.yaml}. */
class OperationsConfigTest {

    @TempDir
    Path base;

    private TicketflowConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = base.resolve("conf/ticketflow.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return ConfigLoader.load(base, file, env);
    }

    @Test
    void withoutTheKeysNothingIsInDryRunNoMailIsConfiguredAndRetentionHasItsDefaults() throws IOException {
        TicketflowConfig config = load("http:\n  port: 8080\n", Map.of());

        assertThat(config.dryRun()).isEqualTo(DryRun.OFF);
        assertThat(config.mail()).isNull();
        assertThat(config.retention()).isEqualTo(new Retention(Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofHours(1)));
    }

    @Test
    void readsDryRunForEverythingAndForSomePlugins() throws IOException {
        TicketflowConfig config = load("""
                dryRun: true
                pluginHost:
                  dryRun: [slack-notifier, gitlab-issue-linker]
                """, Map.of());

        assertThat(config.dryRun()).isEqualTo(new DryRun(true, List.of("slack-notifier", "gitlab-issue-linker")));
        assertThat(load("pluginHost:\n  dryRun: [slack-notifier]\n", Map.of()).dryRun().appliesTo("slack-notifier"))
                .isTrue();
        assertThat(load("pluginHost:\n  dryRun: [slack-notifier]\n", Map.of()).dryRun().appliesTo("other"))
                .isFalse();
    }

    @Test
    void readsTheMailSectionWithSecretsFromTheEnvironment() throws IOException {
        TicketflowConfig config = load("""
                mail:
                  host: smtp.example.com
                  port: ${SMTP_PORT}
                  tls: starttls
                  username: ticketflow
                  password: ${SMTP_PASSWORD}
                  from: "Support <support@example.com>"
                """, Map.of("SMTP_PORT", "2525", "SMTP_PASSWORD", "s3cret"));

        assertThat(config.mail()).isEqualTo(new MailSettings("smtp.example.com", 2525, MailSettings.TlsMode.STARTTLS,
                "ticketflow", "s3cret", "Support <support@example.com>", false));
    }

    @Test
    void aWrongMailSettingStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> load("mail:\n  host: smtp.example.com\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("mail.from"))
                .hasMessageContaining("mail.from: is required");
        assertThatThrownBy(() -> load("mail:\n  host: smtp.example.com\n  from: a@b.c\n  port: 70000\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("mail.port"));
        assertThatThrownBy(() -> load("mail: smtp.example.com\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("mail"));
    }

    @Test
    void readsRetention() throws IOException {
        TicketflowConfig config = load("""
                retention:
                  timeline: 90d
                  deliveryIds: 14d
                  pruneInterval: 10m
                """, Map.of());

        assertThat(config.retention()).isEqualTo(new Retention(Duration.ofDays(90), Duration.ofDays(14),
                Duration.ofMinutes(10)));
    }

    @Test
    void aRetentionThatIsNoDurationOrNotPositiveNamesTheKey() {
        assertThatThrownBy(() -> load("retention:\n  timeline: forever\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("retention.timeline"));
        assertThatThrownBy(() -> load("retention:\n  deliveryIds: 0s\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("retention.deliveryIds"))
                .hasMessageContaining("must be positive");
    }
}
