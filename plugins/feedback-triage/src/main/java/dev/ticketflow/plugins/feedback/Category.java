package dev.ticketflow.plugins.feedback;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of feedback and complaint the support handbook tells apart. */
public enum Category {
    BUG("bug"),
    FEATURE_PROPOSAL("feature_proposal"),
    REFUND("refund"),
    VENTING("venting"),
    PRODUCT_FEEDBACK("product_feedback"),
    OTHER("other");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The name used in configuration and in {@code feedback.classified}. */
    public String id() {
        return id;
    }

    /**
     * The category with a configuration name.
     *
     * @throws IllegalArgumentException naming the valid ones
     */
    public static Category fromId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return category;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a category; use one of "
                + Arrays.stream(values()).map(Category::id).collect(Collectors.joining(", ")));
    }
}
