package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Keeps the mails instead of sending them; can be told to fail the next one. */
final class RecordingMail implements Mail {

    final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();

    void failNext() {
        failNext.set(true);
    }

    @Override
    public Future<Void> send(MailMessage message) {
        if (failNext.getAndSet(false)) {
            return Future.failedFuture(new PortCallException(FailureCode.VENDOR_ERROR, "SMTP 451 try again later"));
        }
        sent.add(message);
        return Future.succeededFuture();
    }
}
