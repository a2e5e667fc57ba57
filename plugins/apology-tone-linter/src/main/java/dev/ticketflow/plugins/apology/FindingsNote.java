package dev.ticketflow.plugins.apology;

import dev.ticketflow.plugins.apology.lint.Finding;
import dev.ticketflow.plugins.apology.lint.ReplyContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The internal note listing a reply's findings, and their JSON form. */
final class FindingsNote {

    private FindingsNote() {}

    static String render(List<Finding> findings, ReplyContext context) {
        StringBuilder note = new StringBuilder("Apology tone check of the reply above (ticket context: ")
                .append(context.id()).append("). The handbook asks for sincere apologies only: none that")
                .append(" sound scripted, none when nothing went wrong, and none that admit fault when")
                .append(" the product works as intended or the customer erred.");
        for (Finding finding : findings) {
            note.append("\n- ").append(finding.describe());
        }
        return note.toString();
    }

    static JsonArray json(List<Finding> findings) {
        JsonArray array = new JsonArray();
        for (Finding finding : findings) {
            array.add(new JsonObject()
                    .put("rule", finding.ruleId())
                    .put("severity", finding.severity().id())
                    .put("start", finding.start())
                    .put("end", finding.end())
                    .put("text", finding.text())
                    .put("hint", finding.hint()));
        }
        return array;
    }
}
