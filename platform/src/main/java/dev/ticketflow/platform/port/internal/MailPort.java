package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.Permissions;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.MailMessage;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.platform.mail.SmtpMail;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The mail port as a plugin sees it: permission {@code mail:send} checked first, then the mail
 * goes to the platform's SMTP server ({@code mail:} in the configuration), or fails with
 * {@link FailureCode#NO_PROVIDER} when none is configured. In dry run (the plugin's, the
 * platform's or {@code mail.dryRun}) nothing is sent. Each send is recorded in the timeline of
 * the ticket being handled, if any.
 */
public final class MailPort implements Mail {

    private final PluginPermissions permissions;
    private final SmtpMail transport;
    private final boolean dryRun;
    private final PortRecorder recorder;
    private final TicketRef ticket;
    private final String eventId;

    /**
     * Creates the port.
     *
     * @param transport the SMTP server, {@code null} when none is configured
     * @param dryRun whether this plugin is in dry run
     * @param ticket the ticket being handled, {@code null} outside a delivery
     * @param eventId the event being handled, {@code null} outside a delivery
     */
    public MailPort(PluginPermissions permissions, SmtpMail transport, boolean dryRun, PortRecorder recorder,
            TicketRef ticket, String eventId) {
        this.permissions = permissions;
        this.transport = transport;
        this.dryRun = dryRun;
        this.recorder = recorder;
        this.ticket = ticket;
        this.eventId = eventId;
    }

    /** The same port, recording into a ticket's timeline. */
    public MailPort forEvent(TicketRef eventTicket, String handledEventId) {
        return new MailPort(permissions, transport, dryRun, recorder, eventTicket, handledEventId);
    }

    @Override
    public Future<Void> send(MailMessage message) {
        if (message == null) {
            return Future.failedFuture(new PortCallException(FailureCode.INVALID_REQUEST, "send needs a message"));
        }
        String what = "mail '" + message.subject() + "' to " + message.to();
        PortAction action = new PortAction("send " + what, "sent " + what);
        JsonObject detail = new JsonObject()
                .put("to", new JsonArray(message.to()))
                .put("cc", new JsonArray(message.cc()))
                .put("subject", message.subject());
        return permissions.require(Permissions.MAIL_SEND).transform(allowed -> {
            if (allowed.failed()) {
                return recorder.track(ticket, eventId, "mail.send", action, detail,
                        Future.<Void>failedFuture(allowed.cause()));
            }
            boolean transportDryRun = transport != null && transport.settings().dryRun();
            if (dryRun || transportDryRun) {
                recorder.wouldHave(ticket, eventId, "mail.send", action, detail);
                // the transport's own dry run keeps the message for inspection
                return transportDryRun && !dryRun ? transport.send(message) : Future.succeededFuture();
            }
            if (transport == null) {
                return recorder.track(ticket, eventId, "mail.send", action, detail, Future.failedFuture(
                        new PortCallException(FailureCode.NO_PROVIDER, "no SMTP server configured, so plugin '"
                                + permissions.pluginId() + "' cannot send the mail '" + message.subject()
                                + "': configure the mail: section (host, from, ...)")));
            }
            return recorder.track(ticket, eventId, "mail.send", action, detail, transport.send(message));
        });
    }
}
