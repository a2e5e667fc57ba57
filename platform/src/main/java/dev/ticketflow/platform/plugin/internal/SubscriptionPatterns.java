package dev.ticketflow.platform.plugin.internal;

import java.util.List;

/** Whether a handler's type pattern stays within what the plugin's descriptor subscribes to. */
final class SubscriptionPatterns {

    private SubscriptionPatterns() {}

    /**
     * Whether every type the pattern matches is matched by one of the subscriptions.
     *
     * @param subscriptions the descriptor's patterns
     * @param pattern a handler's pattern
     * @return {@code true} when covered
     */
    static boolean covered(List<String> subscriptions, String pattern) {
        for (String subscription : subscriptions) {
            if (covers(subscription, pattern)) {
                return true;
            }
        }
        return false;
    }

    static boolean covers(String subscription, String pattern) {
        if (subscription.equals("*") || subscription.equals(pattern)) {
            return true;
        }
        if (subscription.endsWith(".*") && !pattern.equals("*")) {
            return pattern.startsWith(subscription.substring(0, subscription.length() - 1));
        }
        return false;
    }
}
