package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {

    private static final List<String> VOCABULARY = List.of("[PAD]", "[UNK]", "i", "'", "ll", "find", "you",
            "!", "naive", "un", "##believ", "##able", "*", "f");

    private static List<String> tokens(String text) {
        WordPieceTokenizer tokenizer = new WordPieceTokenizer(VOCABULARY);
        List<String> tokens = new ArrayList<>();
        tokenizer.tokenize(text, id -> tokens.add(VOCABULARY.get(id)));
        return tokens;
    }

    @Test
    void lowerCasesAndSplitsAtSpacesAndAroundEveryPunctuationMark() {
        assertThat(tokens("I'll FIND you!!")).containsExactly("i", "'", "ll", "find", "you", "!", "!");
    }

    @Test
    void stripsAccentsAndMaskedProfanityStaysTokens() {
        assertThat(tokens("Naïve f***")).containsExactly("naive", "f", "*", "*", "*");
    }

    @Test
    void cutsAWordIntoTheLongestPiecesAndAnUncuttableWordIsOneUnknown() {
        assertThat(tokens("unbelievable unbelievx")).containsExactly("un", "##believ", "##able", "[UNK]");
    }
}
