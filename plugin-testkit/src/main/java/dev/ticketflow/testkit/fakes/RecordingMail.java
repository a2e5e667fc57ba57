package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.MailMessage;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Mail} port that keeps the messages instead of sending them, and can refuse the next
 * ones the way a busy SMTP server does. Thread-safe.
 */
public final class RecordingMail implements Mail {

    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    /** @return the messages accepted so far, oldest first */
    public List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** Refuses the next message with a {@link PortCallException} ({@code VENDOR_ERROR}). */
    public void failNext() {
        failNext(1);
    }

    /** @param times how many of the next messages to refuse */
    public void failNext(int times) {
        failures.set(times);
    }

    @Override
    public Future<Void> send(MailMessage message) {
        if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return Future.failedFuture(new PortCallException(FailureCode.VENDOR_ERROR, "SMTP 451 try again later"));
        }
        sent.add(message);
        return Future.succeededFuture();
    }
}
