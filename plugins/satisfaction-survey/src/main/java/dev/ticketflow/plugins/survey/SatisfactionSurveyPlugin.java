package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import java.time.Clock;
import org.pf4j.Extension;

/**
 * Requests the customer satisfaction survey a day after a ticket is solved (cancelled when it
 * is reopened first) and tells the engineer and the managers how the customer rated it.
 */
@Extension
public final class SatisfactionSurveyPlugin implements TicketflowPlugin {

    private final Clock clock;

    /** The constructor PF4J uses: the system clock. */
    public SatisfactionSurveyPlugin() {
        this(Clock.systemUTC());
    }

    /** For tests: a clock they control. */
    public SatisfactionSurveyPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void register(PluginContext plugin) {
        SurveySettings settings = SurveySettings.fromJson(plugin.config());
        SurveyTimers timers = new SurveyTimers(settings, clock);
        SurveyRequest request = new SurveyRequest(settings);
        RatingHandler ratings = new RatingHandler(settings, new RatingMails(settings));
        plugin.on(EventTypes.TICKET_SOLVED, timers::onSolved);
        plugin.on(EventTypes.TICKET_REOPENED, timers::onReopened);
        plugin.on(SurveyTimers.SURVEY_DUE, request::onDue);
        plugin.on(EventTypes.TICKET_RATED, ratings::onRated);
        if (settings.managers().isEmpty()) {
            plugin.log().warn("no managers configured: rating mails go to the assignee only");
        }
    }
}
