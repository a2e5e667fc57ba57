package dev.ticketflow.plugins.venting;

import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.Label;
import dev.ticketflow.plugins.venting.classify.RuleBook;
import dev.ticketflow.plugins.venting.classify.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The texts the plugin writes: internal notes and the signal list of an escalation. */
final class EscalationNotes {

    private EscalationNotes() {}

    static String venting(Classification classification, RuleBook rules) {
        return "Venting detected (venting score " + classification.ventingScore() + ").\n\n"
                + rules.guidance("venting") + "\n\n" + signalLines(classification);
    }

    static String threat(Classification classification, RuleBook rules, List<String> managers) {
        String copied = managers.isEmpty()
                ? "No manager is configured to be copied (plugin setting managerEmails); please alert one."
                : "Copied: " + String.join(", ", managers) + ".";
        return "Possible threat or harassment aimed at staff (threat score " + classification.threatScore()
                + "). " + copied + "\n\n" + rules.guidance("threat") + "\n\n" + signalLines(classification);
    }

    static String signalLines(Classification classification) {
        StringBuilder out = new StringBuilder("Signals:");
        for (Signal signal : classification.signals()) {
            out.append("\n- ").append(signal.describe());
        }
        return out.toString();
    }

    /** The signals as plain data for an event or an HTTP answer. */
    static List<Map<String, Object>> signalData(List<Signal> signals) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Signal signal : signals) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rule", signal.ruleId());
            item.put("label", signal.label().id());
            item.put("text", signal.text());
            item.put("start", signal.start());
            item.put("end", signal.end());
            data.add(item);
        }
        return data;
    }

    /** The signals pointing to the decided label (all of them for a threat, which wins anyway). */
    static List<Signal> decisive(Classification classification) {
        return classification.label() == Label.NORMAL ? classification.signals()
                : classification.signalsFor(classification.label());
    }
}
