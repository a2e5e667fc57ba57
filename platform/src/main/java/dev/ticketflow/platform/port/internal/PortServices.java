package dev.ticketflow.platform.port.internal;

import dev.ticketflow.platform.config.DryRun;
import dev.ticketflow.platform.mail.SmtpMail;
import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timer.TimerService;
import java.time.Clock;

/**
 * What the ports of every plugin share.
 *
 * @param timeline where port actions are recorded
 * @param timers the durable timers behind {@code schedule()}
 * @param mail the SMTP transport, {@code null} when no {@code mail:} section is configured
 * @param dryRun which plugins only record their outward actions
 * @param clock stamps the timeline entries
 */
public record PortServices(Timeline timeline, TimerService timers, SmtpMail mail, DryRun dryRun, Clock clock) {}
