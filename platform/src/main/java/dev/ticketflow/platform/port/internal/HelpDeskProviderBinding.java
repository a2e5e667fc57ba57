package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PermissionDeniedException;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.platform.port.HelpDeskCommand;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import java.util.List;

/**
 * Serves {@link HelpDeskCommand}s with a connector's {@link HelpDeskProvider}: it is the handler
 * of the connector's consumer on {@code Addresses.HELP_DESK}, registered on the connector's own
 * verticle. Callers' permissions were checked before the command was sent.
 */
public final class HelpDeskProviderBinding implements Handler<Message<HelpDeskCommand>> {

    private final String providerId;
    private final HelpDeskProvider provider;

    public HelpDeskProviderBinding(String providerId, HelpDeskProvider provider) {
        this.providerId = providerId;
        this.provider = provider;
    }

    @Override
    public void handle(Message<HelpDeskCommand> message) {
        HelpDeskCommand command = message.body();
        Future<?> result;
        try {
            result = perform(command);
            if (result == null) {
                result = Future.failedFuture(new IllegalStateException(
                        "help-desk provider of plugin '" + providerId + "' returned no future for " + command.action()));
            }
        } catch (RuntimeException | LinkageError e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(done -> {
            if (done.succeeded()) {
                message.reply(done.result());
            } else {
                Throwable cause = done.cause();
                message.fail(code(cause).code(), cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
        });
    }

    private Future<?> perform(HelpDeskCommand command) {
        List<String> values = command.values();
        return switch (command.action()) {
            case ADD_TAGS -> provider.addTags(command.ticket(), values);
            case REMOVE_TAGS -> provider.removeTags(command.ticket(), values);
            case INTERNAL_NOTE -> provider.addComment(command.ticket(), single(command), false);
            case PUBLIC_REPLY -> provider.addComment(command.ticket(), single(command), true);
            case ADD_CC -> provider.addCc(command.ticket(), values);
            case ASSIGN_GROUP -> provider.assignGroup(command.ticket(), single(command));
            case READ -> provider.read(command.ticket());
        };
    }

    private static String single(HelpDeskCommand command) {
        if (command.values().size() != 1) {
            throw new IllegalArgumentException(command.action() + " takes exactly one value, got " + command.values().size());
        }
        return command.values().get(0);
    }

    private static FailureCode code(Throwable cause) {
        if (cause instanceof PortCallException portFailure) {
            return portFailure.failureCode();
        }
        if (cause instanceof PermissionDeniedException) {
            return FailureCode.PERMISSION_DENIED;
        }
        if (cause instanceof IllegalArgumentException) {
            return FailureCode.INVALID_REQUEST;
        }
        return FailureCode.VENDOR_ERROR;
    }
}
