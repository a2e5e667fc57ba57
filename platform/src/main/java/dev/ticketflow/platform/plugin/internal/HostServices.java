package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.platform.dispatch.PluginDispatcher;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.port.internal.HelpDeskProviderSlot;
import dev.ticketflow.platform.port.internal.PortServices;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the host shares with every plugin's context: the platform services the ports reach.
 *
 * @param vertx the Vert.x instance
 * @param intake where emitted and ingested events enter
 * @param dispatcher delivers timer events back to their plugin
 * @param mainRouter the HTTP router plugin routes are mounted on
 * @param helpDeskProvider which plugin provides the help desk
 * @param portTimeout how long a port call may wait for its answer
 * @param pluginDataDir the folder under which each plugin gets {@code <id>/}
 * @param ports timeline, timers, mail and dry run, which the ports act through
 */
public record HostServices(
        Vertx vertx,
        Intake intake,
        PluginDispatcher dispatcher,
        Router mainRouter,
        HelpDeskProviderSlot helpDeskProvider,
        Duration portTimeout,
        Path pluginDataDir,
        PortServices ports) {}
