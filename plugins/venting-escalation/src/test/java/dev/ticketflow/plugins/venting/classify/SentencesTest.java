package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> plain(String text) {
        Sentences sentences = Sentences.plain(text);
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < sentences.count(); s++) {
            parts.add(text.substring(sentences.start(s), sentences.end(s)));
        }
        return parts;
    }

    @Test
    void plainSplittingSplitsLowercaseSentencesToo() {
        assertThat(plain("ok listen agent guy. fix the license or i come find you. not joking"))
                .containsExactly("ok listen agent guy. ", "fix the license or i come find you. ", "not joking");
    }

    @Test
    void plainSplittingSplitsAtLineBreaksAndSkipsBlankLines() {
        assertThat(plain("Hi Dana,\n\nI know your street!!! See you\n")).containsExactly("Hi Dana,\n\n",
                "I know your street!!! ", "See you\n");
    }

    @Test
    void plainSplittingKeepsDecimalsAndDotsInsideWordsTogether() {
        assertThat(plain("Version 16.2.1 broke it. see config.toml")).containsExactly("Version 16.2.1 broke it. ",
                "see config.toml");
    }

    @Test
    void aTextWithoutEndingsIsOneSentence() {
        assertThat(plain("no punctuation at all")).containsExactly("no punctuation at all");
        assertThat(Sentences.plain("").count()).isEqualTo(1);
    }
}
