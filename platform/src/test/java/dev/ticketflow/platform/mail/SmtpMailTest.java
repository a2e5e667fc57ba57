package dev.ticketflow.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class SmtpMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ticketflow", "s3cret"));

    private SmtpMail mail;

    @AfterEach
    void closeMail() {
        if (mail != null) {
            mail.close().await();
        }
    }

    private MailSettings settings(String password) {
        return new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), MailSettings.TlsMode.NONE,
                "ticketflow", password, "Ticketflow <ticketflow@example.com>", false);
    }

    @Test
    void aSentMailReachesEveryRecipientWithSubjectAndBody(Vertx vertx) throws Exception {
        mail = SmtpMail.create(vertx, settings("s3cret"));

        mail.send(new MailMessage(List.of("engineer@example.com", "manager@example.com"),
                List.of("lead@example.com"), "Ticket #42 was rated good",
                "Score: good\nThank you!", null)).await();

        MimeMessage[] received = SMTP.getReceivedMessages();
        // one copy per recipient, cc included
        assertThat(received).hasSize(3);
        MimeMessage first = received[0];
        assertThat(first.getSubject()).isEqualTo("Ticket #42 was rated good");
        assertThat(GreenMailUtil.getBody(first)).contains("Score: good").contains("Thank you!");
        assertThat(first.getFrom()[0].toString()).contains("ticketflow@example.com");
        assertThat(first.getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly("engineer@example.com", "manager@example.com");
        assertThat(first.getRecipients(RecipientType.CC)).extracting(Object::toString)
                .containsExactly("lead@example.com");
    }

    @Test
    void textBeyondAsciiArrivesIntact(Vertx vertx) throws Exception {
        mail = SmtpMail.create(vertx, settings("s3cret"));

        mail.send(MailMessage.text(List.of("engineer@example.com"), "Bewertung für Ticket #7 – schlecht",
                "Grüße aus Köln: „zu langsam“ 😞")).await();

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Bewertung für Ticket #7 – schlecht");
        assertThat(received.getContent()).asString().contains("Grüße aus Köln: „zu langsam“ 😞");
    }

    @Test
    void aServerThatRefusesTheLoginFailsTheFutureWithTheSmtpReply(Vertx vertx) {
        mail = SmtpMail.create(vertx, settings("wrong"));

        assertThatThrownBy(() -> mail.send(MailMessage.text(List.of("engineer@example.com"),
                "subject", "body")).await())
                .isInstanceOfSatisfying(PortCallException.class, failure -> {
                    assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
                    assertThat(failure.getMessage()).contains("refused the mail: 535");
                    assertThat(failure.getCause()).isInstanceOfSatisfying(SMTPException.class,
                            smtp -> assertThat(smtp.isPermanent()).isTrue());
                });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerFailsTheFutureNamingTheServer(Vertx vertx) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        mail = SmtpMail.create(vertx, new MailSettings("127.0.0.1", closedPort,
                MailSettings.TlsMode.NONE, null, null, "ticketflow@example.com", false));

        assertThatThrownBy(() -> mail.send(MailMessage.text(List.of("engineer@example.com"),
                "subject", "body")).await())
                .isInstanceOf(PortCallException.class)
                .hasMessageContaining("could not send mail through 127.0.0.1:" + closedPort);
    }

    @Test
    void aDryRunRecordsTheMailAndSendsNothing(Vertx vertx) {
        mail = SmtpMail.create(vertx, new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(),
                MailSettings.TlsMode.NONE, null, null, "ticketflow@example.com", true));
        MailMessage message = MailMessage.text(List.of("engineer@example.com"), "subject", "body");

        mail.send(message).await();

        assertThat(mail.dryRunLog()).containsExactly(message);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void theDryRunLogKeepsOnlyTheLatestMails(Vertx vertx) {
        mail = SmtpMail.create(vertx, new MailSettings("localhost", 25, MailSettings.TlsMode.NONE,
                null, null, "ticketflow@example.com", true));
        for (int i = 0; i < SmtpMail.DRY_RUN_LOG_SIZE + 5; i++) {
            mail.send(MailMessage.text(List.of("a@example.com"), "mail " + i, "body")).await();
        }

        assertThat(mail.dryRunLog()).hasSize(SmtpMail.DRY_RUN_LOG_SIZE);
        assertThat(mail.dryRunLog().get(0).subject()).isEqualTo("mail 5");
    }
}
