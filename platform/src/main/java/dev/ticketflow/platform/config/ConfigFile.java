package dev.ticketflow.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code conf/ticketflow.yaml}, as written; every member is optional ({@code null}
 * when absent) and {@link ConfigLoader} fills in the defaults. Unknown keys are refused, so a
 * typo is reported instead of silently ignored.
 */
record ConfigFile(
        String dataDir,
        String pluginsDir,
        Http http,
        Webhooks webhooks,
        Admin admin,
        Delivery delivery,
        PluginHost pluginHost,
        Map<String, JsonNode> plugins,
        Boolean dryRun,
        JsonNode mail,
        Retention retention) {

    record Http(String host, Integer port, Long maxBodyBytes) {}

    record Webhooks(List<String> secrets) {}

    record Admin(String token) {}

    record Delivery(String handlerTimeout, Retry retry, CircuitBreaker circuitBreaker,
            Map<String, PluginDelivery> plugins) {}

    record Retry(Integer maxAttempts, List<String> delays, Double jitter) {}

    record CircuitBreaker(Integer failureThreshold, String coolDown) {}

    record PluginDelivery(Retry retry, CircuitBreaker circuitBreaker) {}

    record PluginHost(String scanInterval, List<String> disabled, List<String> dryRun) {}

    record Retention(String timeline, String deliveryIds, String pruneInterval) {}
}
