package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.plugins.gitlab.client.RetryAfter;
import dev.ticketflow.plugins.gitlab.config.LinkerSettings;
import dev.ticketflow.plugins.gitlab.config.SearchSettings;
import dev.ticketflow.plugins.gitlab.flow.Keywords;
import dev.ticketflow.plugins.gitlab.flow.TicketSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeywordsAndSummaryTest {

    private static final SearchSettings SEARCH = LinkerSettings.from(new JsonObject()
            .put("gitlab", new JsonObject().put("url", "https://gitlab.example.com").put("token", "t"))
            .put("projects", new JsonArray().add("acme/app"))).search();

    @Test
    void keywordsDropStopWordsShortWordsNumbersAndRepeats() {
        Keywords keywords = Keywords.of("URGENT: the CSV export doesn't work, CSV export crashes on 2 projects", SEARCH);

        assertThat(keywords.all()).containsExactly("csv", "export", "crashes", "projects");
        assertThat(keywords.query(2)).isEqualTo("projects crashes");
    }

    @Test
    void scoreCountsTitleWordsFullyAndDescriptionWordsHalf() {
        Keywords keywords = Keywords.of("CSV export crashes", SEARCH);

        assertThat(keywords.score("Export to CSV crashes", "")).isEqualTo(1.0);
        assertThat(keywords.score("Export to CSV", "it crashes")).isEqualTo(2.5 / 3);
        assertThat(keywords.score("Dark mode", "")).isZero();
    }

    @Test
    void theSummaryRedactsAddressesNumbersAndTheCustomersName() {
        String summary = TicketSummary.of("subject", "I am Jane Roe, mail jane@customer.example or call +44 20 7946 0958. Broken.",
                new Person("1", "Jane Roe", "jane@customer.example"), false, 500);

        assertThat(summary).isEqualTo("I am [customer] [customer], mail [e-mail] or call [number]. Broken.");
    }

    @Test
    void theSummaryIsOneLineCutAtAWordAndFallsBackToTheSubject() {
        assertThat(TicketSummary.of("Subject only", null, null, false, 500)).isEqualTo("Subject only");
        assertThat(TicketSummary.of("s", "one two\n\nthree four five six", null, false, 16)).isEqualTo("one two three…");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        assertThat(RetryAfter.parse("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
