package dev.ticketflow.plugins.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TriageSettingsTest {

    @Test
    void theShippedDefaultsCoverEveryCategory() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject());

        assertThat(settings.feedbackTag()).isEqualTo("feedback");
        assertThat(settings.categoryTags()).containsOnlyKeys(Category.values());
        assertThat(settings.keywordRules()).extracting(KeywordRule::category)
                .contains(Category.values());
        assertThat(settings.priority()).startsWith(Category.REFUND).hasSize(Category.values().length);
        assertThat(settings.refunds().group()).isEqualTo("Refunds");
        assertThat(settings.refunds().workflowUrl()).startsWith("https://");
    }

    @Test
    void oneCategoryTagCanBeRenamedAlone() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject()
                .put("categoryTags", new JsonObject().put("refund", "billing_refund")));

        assertThat(settings.tagOf(Category.REFUND)).isEqualTo("billing_refund");
        assertThat(settings.tagOf(Category.BUG)).isEqualTo("feedback_bug");
    }

    @Test
    void configuredKeywordRulesReplaceTheDefaults() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject().put("keywordRules",
                new JsonArray().add(new JsonObject().put("category", "refund")
                        .put("keywords", new JsonArray().add("geld terug")).put("in", new JsonArray().add("comment")))));

        assertThat(settings.keywordRules()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("refund#1");
            assertThat(rule.in()).containsExactly(SignalSource.COMMENT);
            assertThat(rule.matches("Ik wil mijn Geld  terug")).containsExactly("geld terug");
        });
    }

    @Test
    void nullRemovesADefaultTagRule() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject()
                .put("tags", new JsonObject().putNull("bug")));

        assertThat(settings.tagRules()).doesNotContainKey("bug").containsKey("bug_report");
    }

    @Test
    void aNullRefundGroupLeavesTheGroupAlone() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject()
                .put("refunds", new JsonObject().putNull("group")));

        assertThat(settings.refunds().group()).isNull();
        assertThat(settings.refunds().note()).contains("{workflowUrl}");
    }

    @Test
    void anInvalidPatternNamesTheRule() {
        assertThatThrownBy(() -> TriageSettings.fromJson(new JsonObject().put("keywordRules",
                new JsonArray().add(new JsonObject().put("category", "bug")
                        .put("patterns", new JsonArray().add("crash(es"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keywordRules[0]")
                .hasMessageContaining("crash(es");
    }

    @Test
    void anUnknownCategoryNamesTheKey() {
        assertThatThrownBy(() -> TriageSettings.fromJson(new JsonObject()
                .put("tags", new JsonObject().put("praise", "compliment"))))
                .hasMessageContaining("tags.praise")
                .hasMessageContaining("'compliment' is not a category");
    }

    @Test
    void categoriesLeftOutOfThePriorityFollowInTheirNaturalOrder() {
        TriageSettings settings = TriageSettings.fromJson(new JsonObject()
                .put("priority", new JsonArray().add("venting")));

        assertThat(settings.priority()).containsExactly(Category.VENTING, Category.BUG,
                Category.FEATURE_PROPOSAL, Category.REFUND, Category.PRODUCT_FEEDBACK, Category.OTHER);
    }
}
