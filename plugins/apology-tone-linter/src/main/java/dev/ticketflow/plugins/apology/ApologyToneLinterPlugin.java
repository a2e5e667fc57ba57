package dev.ticketflow.plugins.apology;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.LinterRulesLoader;
import io.vertx.core.Future;
import org.pf4j.Extension;

/**
 * Checks the apologies in agents' public replies against the handbook (sincere apologies only)
 * and notes the findings on the ticket; tooling can lint a draft over HTTP. The rules are loaded
 * off the event loop at start.
 */
@Extension
public final class ApologyToneLinterPlugin implements TicketflowPlugin {

    private volatile ApologyLinter linter;
    private LinterSettings settings;

    @Override
    public void register(PluginContext plugin) {
        settings = LinterSettings.from(plugin.config());
        plugin.on(EventTypes.TICKET_COMMENT_ADDED, new LintHandler(() -> linter, settings));
        LintRoute.mount(plugin.router(), () -> linter, settings);
    }

    @Override
    public Future<Void> onStart(PluginContext plugin) {
        return plugin.vertx()
                .executeBlocking(() -> new ApologyLinter(LinterRulesLoader.load(settings.extraRulesFile())))
                .onSuccess(loaded -> {
                    linter = loaded;
                    plugin.log().info("apology rules loaded{}",
                            settings.extraRulesFile() == null ? "" : " (with " + settings.extraRulesFile() + ")");
                })
                .mapEmpty();
    }
}
