package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.event.Change;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.plugins.slack.route.Condition;
import dev.ticketflow.plugins.slack.route.EventView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Map<String, Object> RATED = EventView.of(Notifiers.rated("e", "1", "bad", null));
    private static final Map<String, Object> CHANGED = EventView.of(
            Notifiers.event("e", "ticket.updated", Notifiers.ticket("2", "s", List.of("vip")), Map.of("count", 3))
                    .withChanges(Map.of("priority", new Change("normal", "urgent"))));

    @Test
    void conditionsSeeTheEventJsonShape() {
        assertThat(Condition.compile("r", "rating.score == 'bad'").test(RATED)).isTrue();
        assertThat(Condition.compile("r", "has(rating.comment)").test(RATED)).isFalse();
        assertThat(Condition.compile("r", "changes.priority.to == 'urgent' && 'vip' in ticket.tags").test(CHANGED)).isTrue();
        assertThat(Condition.compile("r", "data.count > 2 && type.startsWith('ticket.')").test(CHANGED)).isTrue();
        assertThat(Condition.compile("r", "ticket.requester.email.endsWith('@customer.example')").test(CHANGED)).isTrue();
        assertThat(Condition.compile("r", null).test(CHANGED)).isTrue();
    }

    @Test
    void aNonBooleanResultIsAnEvaluationError() {
        Condition condition = Condition.compile("r", "data.count");

        assertThatThrownBy(() -> condition.test(CHANGED)).hasMessageContaining("not true or false");
    }

    @Test
    void aConditionOfTheWrongTypeDoesNotCompile() {
        assertThatThrownBy(() -> Condition.compile("r", "type + 1")).hasMessageContaining("route 'r'");
        assertThatThrownBy(() -> Condition.compile("r", "'text'")).hasMessageContaining("condition does not compile");
    }
}
