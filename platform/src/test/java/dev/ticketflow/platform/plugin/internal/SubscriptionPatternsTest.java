package dev.ticketflow.platform.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionPatternsTest {

    @Test
    void aWildcardSubscriptionCoversExactTypesAndNarrowerWildcardsBelowIt() {
        assertThat(SubscriptionPatterns.covers("ticket.*", "ticket.created")).isTrue();
        assertThat(SubscriptionPatterns.covers("ticket.*", "ticket.*")).isTrue();
        assertThat(SubscriptionPatterns.covers("ticket.*", "ticket.sla.*")).isTrue();
        assertThat(SubscriptionPatterns.covers("*", "*")).isTrue();
        assertThat(SubscriptionPatterns.covers("*", "feedback.classified")).isTrue();
    }

    @Test
    void aSubscriptionDoesNotCoverWiderOrOtherPatterns() {
        assertThat(SubscriptionPatterns.covers("ticket.*", "*")).isFalse();
        assertThat(SubscriptionPatterns.covers("ticket.*", "ticketing.created")).isFalse();
        assertThat(SubscriptionPatterns.covers("ticket.created", "ticket.*")).isFalse();
        assertThat(SubscriptionPatterns.covers("ticket.created", "ticket.solved")).isFalse();
        assertThat(SubscriptionPatterns.covered(List.of(), "ticket.created")).isFalse();
        assertThat(SubscriptionPatterns.covered(List.of("ticket.solved", "feedback.*"), "feedback.classified")).isTrue();
    }
}
