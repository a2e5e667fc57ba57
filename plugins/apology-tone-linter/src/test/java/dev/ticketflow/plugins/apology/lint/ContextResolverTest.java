package dev.ticketflow.plugins.apology.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextResolverTest {

    private final ContextResolver resolver = new ContextResolver(
            Map.of(ReplyContext.WORKS_AS_INTENDED, List.of("by-design"),
                    ReplyContext.CUSTOMER_ERROR, List.of("user-error"),
                    ReplyContext.COMPANY_FAULT, List.of("outage")),
            Map.of("resolution", Map.of("works_as_intended", ReplyContext.WORKS_AS_INTENDED)));

    @Test
    void readsTagsIgnoringCase() {
        assertThat(resolver.resolve(List.of("Outage"), Map.of())).isEqualTo(ReplyContext.COMPANY_FAULT);
    }

    @Test
    void customerErrorWinsOverOtherTags() {
        assertThat(resolver.resolve(List.of("outage", "by-design", "user-error"), Map.of()))
                .isEqualTo(ReplyContext.CUSTOMER_ERROR);
    }

    @Test
    void aCustomFieldWinsOverTags() {
        assertThat(resolver.resolve(List.of("outage"), Map.of("resolution", "Works_As_Intended")))
                .isEqualTo(ReplyContext.WORKS_AS_INTENDED);
    }

    @Test
    void nothingKnownIsUnknown() {
        assertThat(resolver.resolve(List.of("billing"), Map.of("resolution", "other"))).isEqualTo(ReplyContext.UNKNOWN);
    }
}
