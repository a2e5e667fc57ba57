package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.Permissions;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Future;

/** The mail port while the platform has no SMTP server configured: every send fails clearly. */
public final class UnconfiguredMail implements Mail {

    private final PluginPermissions permissions;

    public UnconfiguredMail(PluginPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Future<Void> send(MailMessage message) {
        return permissions.require(Permissions.MAIL_SEND).compose(allowed -> Future.failedFuture(
                new PortCallException(FailureCode.NO_PROVIDER, "no SMTP server configured, so plugin '"
                        + permissions.pluginId() + "' cannot send the mail '" + message.subject() + "'")));
    }
}
