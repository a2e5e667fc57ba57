package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.plugins.venting.classify.EmbeddingRaiser;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import dev.ticketflow.plugins.venting.classify.RuleBookLoader;
import io.vertx.core.Future;
import java.util.List;
import org.pf4j.Extension;

/**
 * Spots venting and threats in customer messages and acts as the handbook's Venting section
 * asks: de-escalation guidance for venting, a manager copied when staff are threatened or
 * harassed, escalations for both. The rules, and the model of the labelled examples that may
 * raise their decisions, are loaded off the event loop at start.
 */
@Extension
public final class VentingEscalationPlugin implements TicketflowPlugin {

    private volatile MessageClassifier classifier;
    private VentingSettings settings;

    @Override
    public void register(PluginContext plugin) {
        settings = VentingSettings.from(plugin.config());
        plugin.on(List.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_COMMENT_ADDED),
                new VentingHandler(plugin.vertx(), () -> classifier, settings, plugin.pluginId()));
        ClassifyRoute.mount(plugin.router(), plugin.vertx(), () -> classifier);
    }

    @Override
    public Future<Void> onStart(PluginContext plugin) {
        return plugin.vertx()
                .executeBlocking(() -> new MessageClassifier(RuleBookLoader.load(settings.extraRulesFile()),
                        settings.embeddings() ? EmbeddingRaiser.withDefaults() : null))
                .onSuccess(loaded -> {
                    classifier = loaded;
                    plugin.log().info("venting rules loaded: {} rules{}{}", loaded.ruleBook().rules().size(),
                            settings.extraRulesFile() == null ? "" : " (with " + settings.extraRulesFile() + ")",
                            loaded.usesEmbeddings() ? ", with the model of the labelled examples" : "");
                })
                .mapEmpty();
    }
}
