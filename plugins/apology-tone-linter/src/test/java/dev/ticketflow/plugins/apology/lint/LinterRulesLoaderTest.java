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
