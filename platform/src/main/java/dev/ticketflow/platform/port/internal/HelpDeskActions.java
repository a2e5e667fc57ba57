package dev.ticketflow.platform.port.internal;

import dev.ticketflow.platform.port.HelpDeskCommand.Action;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** How help-desk calls read in the ticket timeline. */
final class HelpDeskActions {

    /** Comment bodies longer than this are cut in the timeline (the help desk has them whole). */
    static final int MAX_BODY = 500;

    private HelpDeskActions() {}

    static PortAction describe(Action action, List<String> values) {
        String first = values.isEmpty() ? "" : values.get(0);
        return switch (action) {
            case ADD_TAGS -> new PortAction("add tags " + values, "added tags " + values);
            case REMOVE_TAGS -> new PortAction("remove tags " + values, "removed tags " + values);
            case INTERNAL_NOTE -> new PortAction("post an internal note", "posted an internal note");
            case PUBLIC_REPLY -> new PortAction("post a public reply", "posted a public reply");
            case ADD_CC -> new PortAction("add " + values + " in copy", "added " + values + " in copy");
            case ASSIGN_GROUP -> new PortAction("assign the ticket to group " + first,
                    "assigned the ticket to group " + first);
            case READ -> new PortAction("read the ticket", "read the ticket");
        };
    }

    static JsonObject detail(Action action, List<String> values) {
        return switch (action) {
            case INTERNAL_NOTE, PUBLIC_REPLY ->
                    new JsonObject().put("body", values.isEmpty() ? "" : cut(values.get(0)));
            case READ -> new JsonObject();
            default -> new JsonObject().put("values", new JsonArray(values));
        };
    }

    private static String cut(String body) {
        return body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "…";
    }
}
