package dev.ticketflow.platform.port;

import dev.ticketflow.api.Permissions;
import dev.ticketflow.api.port.TicketRef;
import java.util.List;

/**
 * One help-desk port call as it travels on the event bus to {@link dev.ticketflow.api.Addresses#HELP_DESK}
 * (local codec, same instance). The reply body is {@code null} for actions and a
 * {@link dev.ticketflow.api.port.TicketSnapshot} for {@link Action#READ}; a failure is
 * {@code fail(FailureCode.code(), message)}.
 *
 * @param callerPluginId the plugin that made the call (already checked against its permissions)
 * @param eventId the event being handled, or {@code null} outside a delivery
 * @param ticket the ticket
 * @param action what to do
 * @param values tags, e-mail addresses, the comment body or the group, by action
 */
public record HelpDeskCommand(
        String callerPluginId, String eventId, TicketRef ticket, Action action, List<String> values) {

    public HelpDeskCommand {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The help-desk actions and the permission each needs. */
    public enum Action {
        ADD_TAGS(Permissions.HELPDESK_TAG),
        REMOVE_TAGS(Permissions.HELPDESK_TAG),
        INTERNAL_NOTE(Permissions.HELPDESK_COMMENT_INTERNAL),
        PUBLIC_REPLY(Permissions.HELPDESK_COMMENT_PUBLIC),
        ADD_CC(Permissions.HELPDESK_CC),
        ASSIGN_GROUP(Permissions.HELPDESK_ASSIGN),
        READ(Permissions.HELPDESK_READ);

        private final String permission;

        Action(String permission) {
            this.permission = permission;
        }

        public String permission() {
            return permission;
        }
    }
}
