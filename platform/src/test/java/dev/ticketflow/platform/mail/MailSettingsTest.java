package dev.ticketflow.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.platform.mail.MailSettings.TlsMode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static JsonObject minimal() {
        return new JsonObject().put("host", "smtp.example.com").put("from", "support@example.com");
    }

    @Test
    void aFullSectionIsReadAsWritten() {
        MailSettings settings = MailSettings.fromJson(new JsonObject()
                .put("host", "smtp.example.com").put("port", 2525).put("tls", "TLS")
                .put("username", "ticketflow").put("password", "s3cret")
                .put("from", "Support <support@example.com>").put("dryRun", true));

        assertThat(settings).isEqualTo(new MailSettings("smtp.example.com", 2525, TlsMode.TLS,
                "ticketflow", "s3cret", "Support <support@example.com>", true));
    }

    @Test
    void starttlsOnPort587WithoutLoginIsTheDefault() {
        MailSettings settings = MailSettings.fromJson(minimal());

        assertThat(settings.tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.username()).isNull();
        assertThat(settings.dryRun()).isFalse();
    }

    @Test
    void thePortDefaultsToTheTlsModesPort() {
        assertThat(MailSettings.fromJson(minimal().put("tls", "none")).port()).isEqualTo(25);
        assertThat(MailSettings.fromJson(minimal().put("tls", "tls")).port()).isEqualTo(465);
    }

    @Test
    void aPortInterpolatedFromTheEnvironmentAsTextIsAccepted() {
        assertThat(MailSettings.fromJson(minimal().put("port", "2525")).port()).isEqualTo(2525);
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("hostname", "x")))
                .isInstanceOfSatisfying(InvalidMailSettingsException.class,
                        e -> assertThat(e.key()).isEqualTo("hostname"))
                .hasMessageStartingWith("mail.hostname: is not a mail setting");
    }

    @Test
    void anUnknownTlsModeIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("tls", "ssl")))
                .hasMessage("mail.tls: 'ssl' is not one of none, starttls, tls");
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("port", 70000)))
                .hasMessageStartingWith("mail.port:");
    }

    @Test
    void theHostIsRequiredUnlessInDryRun() {
        assertThatThrownBy(() -> MailSettings.fromJson(new JsonObject().put("from", "a@example.com")))
                .hasMessageStartingWith("mail.host: is required");
        assertThat(MailSettings.fromJson(new JsonObject().put("from", "a@example.com")
                .put("dryRun", true)).host()).isEqualTo("localhost");
    }

    @Test
    void aSenderThatIsNoAddressIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("from", "support")))
                .hasMessageStartingWith("mail.from: 'support' is not an address");
    }

    @Test
    void aUsernameWithoutPasswordIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("username", "ticketflow")))
                .hasMessage("mail.password: is required when username is set");
    }

    @Test
    void anUnresolvedEnvironmentReferenceNamesTheVariable() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("username", "ticketflow")
                .put("password", "${SMTP_PASSWORD}")))
                .isInstanceOfSatisfying(InvalidMailSettingsException.class,
                        e -> assertThat(e.key()).isEqualTo("password"))
                .hasMessageContaining("${SMTP_PASSWORD}");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThatThrownBy(() -> MailSettings.fromJson(minimal().put("dryRun", "yes")))
                .hasMessage("mail.dryRun: must be true or false");
    }

    @Test
    void theGlobalDryRunCanBeLaidOver() {
        assertThat(MailSettings.fromJson(minimal()).withDryRun(true).dryRun()).isTrue();
    }

    @Test
    void thePasswordNeverAppearsInTheTextForm() {
        MailSettings settings = MailSettings.fromJson(minimal().put("username", "u").put("password", "s3cret"));

        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=***");
    }
}
