package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookLoaderTest {

    @Test
    void theDefaultRulesCompileWithGuidanceForBothNotes() {
        RuleBook rules = RuleBookLoader.defaults();

        assertThat(rules.rules()).extracting(TextRule::id)
                .contains("threat.harm_to_person", "threat.doxxing", "venting.profanity", "venting.legal_threat");
        assertThat(rules.guidance("venting")).contains("vent");
        assertThat(rules.guidance("threat")).contains("threatened or harassed");
    }

    @Test
    void anOperatorFileAddsLexiconEntriesAndRules(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), """
                lexicons:
                  profanity:
                    - 'frak\\w*'
                rules:
                  - id: venting.competitor_praise
                    label: venting
                    weight: 2
                    pattern: '\\bgithub\\s+would\\s+never\\b'
                """);
        MessageClassifier classifier = new MessageClassifier(RuleBookLoader.load(extra));

        assertThat(classifier.classify("this fraking runner").signals())
                .anyMatch(s -> s.ruleId().equals("venting.profanity"));
        assertThat(classifier.classify("GitHub would never do this to us.").label()).isEqualTo(Label.VENTING);
    }

    @Test
    void anOperatorFileCanSwitchARuleOff(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.yaml"), """
                rules:
                  - id: venting.exclamation
                    enabled: false
                """);

        assertThat(RuleBookLoader.load(extra).rules()).extracting(TextRule::id).doesNotContain("venting.exclamation");
    }

    @Test
    void anInvalidPatternIsReportedWithItsRuleAndFile(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("broken.yaml"), """
                rules:
                  - id: threat.custom
                    label: threat
                    pattern: '(unclosed'
                """);

        assertThatThrownBy(() -> RuleBookLoader.load(extra))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("threat.custom");
    }

    @Test
    void anUnknownLexiconIsReported() {
        assertThatThrownBy(() -> RuleBookLoader.fromYaml("""
                rules:
                  - id: venting.x
                    label: venting
                    pattern: '{{nowhere}}'
                """, null, "none"))
                .isInstanceOf(RuleBookException.class).hasMessageContaining("nowhere");
    }

    @Test
    void aLookBehindPatternWithoutKeywordsIsRefused() {
        assertThatThrownBy(() -> RuleBookLoader.fromYaml("""
                rules:
                  - id: venting.slow
                    label: venting
                    pattern: '(?<=\\bvery\\s)[a-z]+ly'
                """, null, "none"))
                .isInstanceOf(RuleBookException.class).hasMessageContaining("keywords");
    }

    @Test
    void aMissingExtraFileIsReportedWithTheConfigKey(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleBookLoader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(RuleBookException.class).hasMessageContaining("extraRulesFile");
    }
}
