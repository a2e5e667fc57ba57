package dev.ticketflow.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.mail.MailSettings.TlsMode;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import org.junit.jupiter.api.Test;

class SmtpMailConfigTest {

    private static MailSettings settings(TlsMode tls, String username, String password) {
        return new MailSettings("smtp.example.com", tls.defaultPort(), tls, username, password,
                "ticketflow@example.com", false);
    }

    @Test
    void starttlsModeRequiresTheUpgrade() {
        MailConfig config = SmtpMail.mailConfig(settings(TlsMode.STARTTLS, "user", "pw"));

        assertThat(config.isSsl()).isFalse();
        assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(config.getPort()).isEqualTo(587);
        assertThat(config.getLogin()).isEqualTo(LoginOption.REQUIRED);
        assertThat(config.getUsername()).isEqualTo("user");
        assertThat(config.getPassword()).isEqualTo("pw");
    }

    @Test
    void tlsModeConnectsWithTlsFromTheFirstByte() {
        MailConfig config = SmtpMail.mailConfig(settings(TlsMode.TLS, null, null));

        assertThat(config.isSsl()).isTrue();
        assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(config.getPort()).isEqualTo(465);
        assertThat(config.getLogin()).isEqualTo(LoginOption.DISABLED);
    }

    @Test
    void noneModeNeverUpgrades() {
        MailConfig config = SmtpMail.mailConfig(settings(TlsMode.NONE, null, null));

        assertThat(config.isSsl()).isFalse();
        assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
        assertThat(config.getHostname()).isEqualTo("smtp.example.com");
    }
}
