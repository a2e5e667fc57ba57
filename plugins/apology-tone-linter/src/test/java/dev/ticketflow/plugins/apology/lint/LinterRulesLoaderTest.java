package dev.ticketflow.plugins.apology.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterRulesLoaderTest {

    @Test
    void anOperatorFileAddsPatternsAndChangesSeverity(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), """
                rules:
                  scripted_apology:
                    severity: high
                    patterns:
                      - '\\bwe\\s+value\\s+your\\s+patience\\b'
                """);
        ApologyLinter linter = new ApologyLinter(LinterRulesLoader.load(extra));

        assertThat(linter.lint("Sorry, we value your patience.", ReplyContext.UNKNOWN))
                .anySatisfy(finding -> {
                    assertThat(finding.ruleId()).isEqualTo("scripted_apology");
                    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
                });
    }

    @Test
    void anOperatorFileTunesTheOverApologyCountsKeyByKey(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "overApology:\n  shortReplyMinimum: 3\n");
        LinterRules rules = LinterRulesLoader.load(extra);

        assertThat(rules.overApology()).isEqualTo(new OverApologyPolicy(3, 3, 3, 60));
        assertThat(new ApologyLinter(rules).lint("Sorry for the outage. We apologise for the late update too.",
                ReplyContext.COMPANY_FAULT)).isEmpty();
    }

    @Test
    void theOlderThresholdKeyStillSetsTheMinimum(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), "overApologyThreshold: 4\n");

        assertThat(LinterRulesLoader.load(extra).overApology().minimum()).isEqualTo(4);
    }

    @Test
    void anUnknownOverApologyKeyIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> LinterRulesLoader.fromYaml(
                "apology: 'sorry'\noverApology:\n  maxApologies: 2\n", null, "x"))
                .isInstanceOf(LinterRulesException.class).hasMessageContaining("maxApologies")
                .hasMessageContaining("shortReplyMinimum");
    }

    @Test
    void anOperatorDenialKeepsAPhraseFromCountingAsAnAdmission(@TempDir Path dir) throws IOException {
        String reply = "Sorry, that was our mistake, allegedly. The variable name was misspelled.";
        assertThat(new ApologyLinter(LinterRulesLoader.defaults()).lint(reply, ReplyContext.CUSTOMER_ERROR))
                .extracting(Finding::ruleId).containsExactly("guilt_admission");

        Path extra = Files.writeString(dir.resolve("extra.yaml"),
                "notAdmissions:\n  - '\\bour\\s+mistake,\\s+allegedly\\b'\n");
        assertThat(new ApologyLinter(LinterRulesLoader.load(extra)).lint(reply, ReplyContext.CUSTOMER_ERROR))
                .extracting(Finding::ruleId).containsExactly("unnecessary_apology");
    }

    @Test
    void anUnknownRuleIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> LinterRulesLoader.fromYaml("apology: 'sorry'\nrules:\n  rude_apology: {}\n", null, "x"))
                .isInstanceOf(LinterRulesException.class).hasMessageContaining("rude_apology")
                .hasMessageContaining("non_apology");
    }

    @Test
    void anInvalidPatternIsReported(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  non_apology:\n    patterns: ['(oops']\n");

        assertThatThrownBy(() -> LinterRulesLoader.load(extra))
                .isInstanceOf(LinterRulesException.class).hasMessageContaining("non_apology");
    }
}
