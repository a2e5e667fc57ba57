package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.TicketflowServer;
import dev.ticketflow.platform.config.TicketflowConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ticketflow start}: runs the server until SIGTERM or Ctrl-C, then shuts it down cleanly. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start Ticketflow (the default command); stops cleanly on SIGTERM or Ctrl-C.")
final class StartCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StartCommand.class);
    private static final long SHUTDOWN_SECONDS = 60;

    @ParentCommand
    TicketflowCli parent;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() {
        return run(parent.config(configOptions));
    }

    /**
     * Starts the server and returns once it runs; a shutdown hook closes it.
     *
     * @param config the configuration
     * @return 0 once started
     */
    static int run(TicketflowConfig config) {
        Vertx vertx = Vertx.vertx();
        TicketflowServer server;
        try {
            server = TicketflowServer.start(vertx, config).await();
        } catch (Exception e) {
            vertx.close().await();
            throw new IllegalStateException("Ticketflow did not start: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, vertx), "ticketflow-shutdown"));
        return 0;
    }

    // Stops taking requests, lets in-flight deliveries finish, closes the event log.
    private static void stop(TicketflowServer server, Vertx vertx) {
        LOG.info("Stopping Ticketflow");
        try {
            // awaited one after the other from this plain thread: a continuation scheduled on
            // Vert.x's event loops would find them already closed
            try {
                server.close().await(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } finally {
                vertx.close().await(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            }
            LOG.info("Ticketflow stopped");
        } catch (TimeoutException e) {
            LOG.warn("Ticketflow did not stop within {} s; exiting anyway", SHUTDOWN_SECONDS);
        } catch (Exception e) {
            LOG.warn("Ticketflow stopped with an error: {}", e.getMessage(), e);
        }
    }
}
