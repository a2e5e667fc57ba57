package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vectors the build distils from MiniLM and packages with the plugin. */
class TokenVectorsTest {

    private static final TokenVectors PACKAGED = TokenVectors.packaged();

    /** A text's direction: the unit-length mean of its token vectors. */
    private static float[] embed(String text) {
        float[] sum = new float[PACKAGED.dimension()];
        for (int token : PACKAGED.tokens(text)) {
            PACKAGED.addTo(sum, token, 1f);
        }
        return Vectors.unit(sum);
    }

    private static double similarity(String a, String b) {
        return Vectors.dot(embed(a), embed(b));
    }

    @Test
    void areMiniLmsVocabularyOnItsPrincipalComponents() {
        assertThat(PACKAGED.dimension()).isEqualTo(256);
        assertThat(PACKAGED.vocabularySize()).isEqualTo(30522);
        assertThat(embed("anything at all")).hasSize(256);
    }

    @Test
    void keepWhatTheEncoderKnowsOfMeaning() {
        assertThat(similarity("I will shoot you", "I am going to kill you"))
                .isGreaterThan(similarity("I will shoot you", "please send the invoice again"));
        assertThat(similarity("I know your home address", "I know where you live"))
                .isGreaterThan(similarity("I know your home address", "the pipeline failed"));
    }

    @Test
    void embedATextWithoutTokensAsZeros() {
        assertThat(embed("   ")).containsOnly(0f);
    }
}
