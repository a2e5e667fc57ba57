package dev.ticketflow.platform.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads {@code delivery.retry}, {@code delivery.circuitBreaker} and their per-plugin overrides
 * {@code delivery.plugins.<id>}: a plugin's section changes only the keys it names, the rest
 * comes from the global ones, which change only the defaults they name.
 */
final class DeliveryConfig {

    private DeliveryConfig() {}

    /**
     * The delivery settings of a configuration file's {@code delivery} section.
     *
     * @param section the section as written
     * @param duration reads a duration, naming the key on failure
     * @return the settings
     * @throws ConfigException naming the key that cannot be used
     */
    static DeliverySettings read(ConfigFile.Delivery section, BiFunction<String, String, Duration> duration) {
        DeliveryPolicy defaults = apply(DeliveryPolicy.defaults(), section.retry(), section.circuitBreaker(),
                "delivery", duration);
        Map<String, DeliveryPolicy> plugins = new LinkedHashMap<>();
        if (section.plugins() != null) {
            section.plugins().forEach((pluginId, plugin) -> plugins.put(pluginId, plugin == null ? defaults
                    : apply(defaults, plugin.retry(), plugin.circuitBreaker(), "delivery.plugins." + pluginId,
                            duration)));
        }
        return new DeliverySettings(defaults, plugins);
    }

    private static DeliveryPolicy apply(DeliveryPolicy base, ConfigFile.Retry retry,
            ConfigFile.CircuitBreaker breaker, String prefix, BiFunction<String, String, Duration> duration) {
        RetryPolicy retryPolicy = base.retry();
        if (retry != null) {
            int maxAttempts = retry.maxAttempts() != null ? retry.maxAttempts() : retryPolicy.maxAttempts();
            List<Duration> delays = retry.delays() == null ? retryPolicy.delays() : new ArrayList<>();
            if (retry.delays() != null) {
                for (int i = 0; i < retry.delays().size(); i++) {
                    delays.add(duration.apply(prefix + ".retry.delays[" + i + "]", retry.delays().get(i)));
                }
            }
            double jitter = retry.jitter() != null ? retry.jitter() : retryPolicy.jitter();
            retryPolicy = build(prefix + ".retry", () -> new RetryPolicy(maxAttempts, delays, jitter));
        }
        CircuitBreakerPolicy breakerPolicy = base.circuitBreaker();
        if (breaker != null) {
            int threshold = breaker.failureThreshold() != null ? breaker.failureThreshold()
                    : breakerPolicy.failureThreshold();
            Duration coolDown = breaker.coolDown() != null
                    ? duration.apply(prefix + ".circuitBreaker.coolDown", breaker.coolDown())
                    : breakerPolicy.coolDown();
            breakerPolicy = build(prefix + ".circuitBreaker", () -> new CircuitBreakerPolicy(threshold, coolDown));
        }
        return new DeliveryPolicy(retryPolicy, breakerPolicy);
    }

    private static <T> T build(String key, Supplier<T> policy) {
        try {
            return policy.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage(), e);
        }
    }
}
