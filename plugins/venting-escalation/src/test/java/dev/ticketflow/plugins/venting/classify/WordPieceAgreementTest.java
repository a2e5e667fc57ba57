package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.ticketflow.plugins.venting.eval.EvaluationSet;
import dev.ticketflow.plugins.venting.eval.LabelledMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin's own WordPiece tokenizer against the reference: the Hugging Face tokenizer (Rust,
 * through DJL, test scope only) reading the MiniLM model's tokenizer.json. They must cut every
 * labelled message, and some awkward text, into the same token ids.
 */
class WordPieceAgreementTest {

    private static final TokenVectors PACKAGED = TokenVectors.packaged();

    private static HuggingFaceTokenizer reference() throws IOException {
        try (InputStream json = WordPieceAgreementTest.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            return HuggingFaceTokenizer.newInstance(json, Map.of("truncation", "false", "padding", "false",
                    "modelMaxLength", "100000"));
        }
    }

    @Test
    void cutsEveryLabelledMessageAsTheReferenceTokenizerDoes() throws IOException {
        List<String> texts = new ArrayList<>(EvaluationSet.load().stream().map(LabelledMessage::text).toList());
        EvaluationSet.FRESH_SPLITS.forEach(split -> EvaluationSet.load(split).forEach(m -> texts.add(m.text())));
        LabelledExample.defaults().forEach(example -> texts.add(example.text()));
        texts.addAll(List.of("Naïve café — “quoted” … f***ing ＦＵＬＬＷＩＤＴＨ 😡 Ünïcödé\tTabs\nNewlines",
                "supercalifragilisticexpialidocious antidisestablishmentarianism", "kill -9 $(pgrep runner)&&echo"));
        try (HuggingFaceTokenizer reference = reference()) {
            List<String> disagreements = new ArrayList<>();
            for (String text : texts) {
                long[] expected = reference.encode(text, false, false).getIds();
                int[] actual = PACKAGED.tokens(text);
                if (!Arrays.equals(Arrays.stream(actual).asLongStream().toArray(), expected)) {
                    disagreements.add(text);
                }
            }
            assertThat(disagreements).as("texts tokenised differently, of " + texts.size()).isEmpty();
        }
    }
}
