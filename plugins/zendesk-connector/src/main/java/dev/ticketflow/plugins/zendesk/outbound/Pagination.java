package dev.ticketflow.plugins.zendesk.outbound;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk's offset pagination: a list answer names its {@code next_page} as an absolute URL.
 * Only its query is reused, so a page link can never send the credentials to another host.
 */
final class Pagination {

    private Pagination() {}

    static Optional<Map<String, String>> nextPageQuery(JsonObject response) {
        String next = response.getString("next_page");
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        String query = URI.create(next).getRawQuery();
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return Optional.of(params);
    }
}
