package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** STUB: resolves the admin bearer token (configured, or generated in the data folder). */
public final class AdminToken {
    private AdminToken() {}

    public static Future<String> resolve(Vertx vertx, TicketflowConfig config) {
        return Future.succeededFuture(config.adminToken() == null ? "stub" : config.adminToken());
    }
}
