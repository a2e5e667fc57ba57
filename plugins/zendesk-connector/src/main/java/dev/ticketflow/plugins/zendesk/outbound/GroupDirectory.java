package dev.ticketflow.plugins.zendesk.outbound;

import static dev.ticketflow.plugins.zendesk.ZendeskValues.id;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Group names to ids for one instance, so that plugins can assign "Refunds" rather than a
 * number. The list is read once and re-read when a name is missing and the cache is older than
 * a minute, or after ten minutes.
 */
final class GroupDirectory {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MIN_AGE_FOR_MISS = Duration.ofMinutes(1);
    private static final int MAX_PAGES = 20;

    private final ZendeskApi api;
    private Map<String, Long> idsByName = Map.of();
    private Instant loadedAt = Instant.EPOCH;

    GroupDirectory(ZendeskApi api) {
        this.api = api;
    }

    /** The id of a group by its name, case-insensitively; empty when there is none. */
    Future<Optional<Long>> idOf(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Duration age = Duration.between(loadedAt, Instant.now());
        boolean stale = age.compareTo(MAX_AGE) > 0
                || (!idsByName.containsKey(key) && age.compareTo(MIN_AGE_FOR_MISS) > 0);
        Future<Void> ready = stale ? reload() : Future.succeededFuture();
        return ready.map(loaded -> Optional.ofNullable(idsByName.get(key)));
    }

    private Future<Void> reload() {
        Map<String, Long> found = new HashMap<>();
        return page(Map.of(), found, 1).map(done -> {
            idsByName = Map.copyOf(found);
            loadedAt = Instant.now();
            return null;
        });
    }

    private Future<Void> page(Map<String, String> query, Map<String, Long> found, int number) {
        return api.get("/api/v2/groups", query).compose(response -> {
            for (Object group : response.getJsonArray("groups", new JsonArray())) {
                if (group instanceof JsonObject json && json.getString("name") != null && id(json.getValue("id")) != null
                        && !json.getBoolean("deleted", false)) {
                    found.putIfAbsent(json.getString("name").strip().toLowerCase(Locale.ROOT),
                            Long.parseLong(id(json.getValue("id"))));
                }
            }
            Optional<Map<String, String>> next = Pagination.nextPageQuery(response);
            return next.isPresent() && number < MAX_PAGES
                    ? page(next.get(), found, number + 1)
                    : Future.succeededFuture();
        });
    }
}
