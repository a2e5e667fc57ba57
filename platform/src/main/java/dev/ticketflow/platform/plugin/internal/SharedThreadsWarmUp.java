package dev.ticketflow.platform.plugin.internal;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.WorkerPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Starts Vert.x's shared threads (event loops, worker and internal blocking pools) before any
 * plugin runs. Netty and Vert.x create these threads lazily, on first use; a thread created while
 * a plugin's code is on the stack captures the plugin's protection domain (in its inherited
 * access-control context) and would keep the plugin's class loader alive for the life of the
 * process, defeating unload. Created here, they only ever see platform code.
 *
 * <p>Uses Vert.x's {@code internal} API: the public API has no way to reach the thread pools.
 */
public final class SharedThreadsWarmUp {

    private SharedThreadsWarmUp() {}

    public static void startAll(Vertx vertx) {
        if (!(vertx instanceof VertxInternal internal)) {
            return;
        }
        for (EventExecutor loop : internal.nettyEventLoopGroup()) {
            loop.execute(() -> { });
        }
        prestart(internal.workerPool());
        prestart(internal.internalWorkerPool());
    }

    private static void prestart(WorkerPool pool) {
        ExecutorService executor = pool == null ? null : pool.executor();
        if (executor instanceof ThreadPoolExecutor threads) {
            threads.prestartAllCoreThreads();
        }
    }
}
