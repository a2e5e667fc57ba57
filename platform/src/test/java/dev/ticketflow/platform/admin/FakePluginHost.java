package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.plugin.PluginHost;
import dev.ticketflow.platform.plugin.PluginInfo;
import dev.ticketflow.platform.plugin.UnknownPluginException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A plugin host that only keeps states in a map, and remembers what it was asked. */
final class FakePluginHost implements PluginHost {

    final Map<String, PluginInfo> plugins = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    FakePluginHost with(PluginInfo plugin) {
        plugins.put(plugin.id(), plugin);
        return this;
    }

    static PluginInfo plugin(String id, String state, String lastError) {
        return new PluginInfo(id, "1.0.0", state, "plugins/" + id + ".jar", List.of("ticket.created"),
                List.of("helpdesk:tag"), lastError, 3, 1);
    }

    @Override
    public Future<Void> start() {
        return Future.succeededFuture();
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.copyOf(plugins.values());
    }

    @Override
    public Future<PluginInfo> enable(String pluginId) {
        return change("enable", pluginId, "STARTED");
    }

    @Override
    public Future<PluginInfo> disable(String pluginId) {
        return change("disable", pluginId, "DISABLED");
    }

    @Override
    public Future<PluginInfo> reload(String pluginId) {
        if (pluginId.equals("explodes-on-reload")) {
            return Future.failedFuture(new IllegalStateException("the plugin file vanished"));
        }
        return change("reload", pluginId, "STARTED");
    }

    private Future<PluginInfo> change(String action, String pluginId, String state) {
        calls.add(action + " " + pluginId);
        PluginInfo old = plugins.get(pluginId);
        if (old == null) {
            return Future.failedFuture(new UnknownPluginException(pluginId));
        }
        PluginInfo changed = new PluginInfo(old.id(), old.version(), state, old.file(), old.subscriptions(),
                old.permissions(), null, old.delivered(), old.failed());
        plugins.put(pluginId, changed);
        return Future.succeededFuture(changed);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
