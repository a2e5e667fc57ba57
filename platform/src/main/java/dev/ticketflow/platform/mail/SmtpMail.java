package dev.ticketflow.platform.mail;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail port on an SMTP server, through the Vert.x mail client (non-blocking, pooled
 * connections). In dry run nothing is sent: the messages are logged and the latest
 * {@value #DRY_RUN_LOG_SIZE} kept for inspection.
 *
 * <p>A refused or failed send completes with a {@link PortCallException} of
 * {@link FailureCode#VENDOR_ERROR} whose message carries the SMTP reply; its cause is the Vert.x
 * {@link SMTPException} (with {@link SMTPException#isPermanent()}) or the connection error, so a
 * retry policy can tell a permanent refusal from a transient one.
 *
 * <p>Mails are sent from the context the port was created on, whoever calls: pooled SMTP
 * connections then belong to the platform, not to the plugin that happened to send first, and
 * outlive that plugin's verticle (whose undeployment would otherwise strand them and keep
 * {@link #close()} from completing).
 */
public final class SmtpMail implements Mail {

    static final int DRY_RUN_LOG_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMail.class);

    private final MailSettings settings;
    private final MailClient client;
    private final Context context;
    private final Deque<MailMessage> dryRunLog = new ArrayDeque<>();

    private SmtpMail(MailSettings settings, MailClient client, Context context) {
        this.settings = settings;
        this.client = client;
        this.context = context;
    }

    /**
     * Creates the port. No connection is opened until the first mail.
     *
     * @param vertx the Vert.x instance
     * @param settings where and how to send
     * @return the port
     */
    public static SmtpMail create(Vertx vertx, MailSettings settings) {
        MailClient client = settings.dryRun() ? null : MailClient.create(vertx, mailConfig(settings));
        return new SmtpMail(settings, client, vertx.getOrCreateContext());
    }

    @Override
    public Future<Void> send(MailMessage message) {
        if (settings.dryRun()) {
            record(message);
            LOG.info("mail dry run: not sending '{}' to {} cc {}", message.subject(), message.to(),
                    message.cc());
            return Future.succeededFuture();
        }
        io.vertx.ext.mail.MailMessage mail = toVertx(message);
        Promise<Void> sent = Promise.promise();
        context.runOnContext(hop -> client.sendMail(mail)
                .<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(describe(failure)))
                .onComplete(sent));
        return sent.future();
    }

    /** The latest messages a dry run did not send, oldest first. */
    public List<MailMessage> dryRunLog() {
        synchronized (dryRunLog) {
            return List.copyOf(dryRunLog);
        }
    }

    public MailSettings settings() {
        return settings;
    }

    /** Closes the pooled SMTP connections. */
    public Future<Void> close() {
        return client == null ? Future.succeededFuture() : client.close();
    }

    static MailConfig mailConfig(MailSettings settings) {
        MailConfig config = new MailConfig()
                .setHostname(settings.host())
                .setPort(settings.port());
        switch (settings.tls()) {
            case NONE -> config.setSsl(false).setStarttls(StartTLSOptions.DISABLED);
            case STARTTLS -> config.setSsl(false).setStarttls(StartTLSOptions.REQUIRED);
            case TLS -> config.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
        }
        if (settings.username() == null) {
            config.setLogin(LoginOption.DISABLED);
        } else {
            // REQUIRED: fail rather than send unauthenticated when the server offers no AUTH
            config.setLogin(LoginOption.REQUIRED)
                    .setUsername(settings.username())
                    .setPassword(settings.password());
        }
        return config;
    }

    private io.vertx.ext.mail.MailMessage toVertx(MailMessage message) {
        io.vertx.ext.mail.MailMessage mail = new io.vertx.ext.mail.MailMessage()
                .setFrom(settings.from())
                .setTo(message.to())
                .setSubject(message.subject())
                .setText(message.text());
        if (!message.cc().isEmpty()) {
            mail.setCc(message.cc());
        }
        if (message.html() != null) {
            mail.setHtml(message.html());
        }
        return mail;
    }

    private PortCallException describe(Throwable failure) {
        String server = settings.host() + ":" + settings.port();
        String text = failure instanceof SMTPException smtp
                ? "SMTP server " + server + " refused the mail: " + smtp.getReplyCode() + " "
                        + smtp.getReplyMessage()
                : "could not send mail through " + server + ": " + failure.getMessage();
        PortCallException exception = new PortCallException(FailureCode.VENDOR_ERROR, text);
        exception.initCause(failure);
        return exception;
    }

    private void record(MailMessage message) {
        synchronized (dryRunLog) {
            if (dryRunLog.size() == DRY_RUN_LOG_SIZE) {
                dryRunLog.removeFirst();
            }
            dryRunLog.addLast(message);
        }
    }
}
