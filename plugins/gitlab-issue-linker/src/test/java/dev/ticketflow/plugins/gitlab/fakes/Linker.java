package dev.ticketflow.plugins.gitlab.fakes;

import dev.ticketflow.plugins.gitlab.GitLabIssueLinker;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** Starts the plugin against a fake GitLab, with the subscriptions of the real descriptor. */
public final class Linker {

    public static final String TOKEN = "glpat-test-token-0123456789";
    public static final String HOOK_TOKEN = "hook-secret-abcdef";

    private Linker() {}

    public static JsonObject config(FakeGitLab gitlab) {
        return new JsonObject()
                .put("gitlab", new JsonObject().put("url", gitlab.url()).put("token", TOKEN)
                        .put("maxAttempts", 3).put("retryBaseDelayMs", 10).put("retryMaxDelayMs", 40))
                .put("projects", new JsonArray().add(FakeGitLab.PROJECT_PATH))
                .put("webhook", new JsonObject().put("token", HOOK_TOKEN));
    }

    public static FakePluginContext start(Vertx vertx, JsonObject config) {
        FakePluginContext context = FakePluginContext.builder("gitlab-issue-linker").vertx(vertx).config(config)
                .subscriptionsOf(Path.of("plugin.properties")).build();
        new GitLabIssueLinker().register(context);
        return context;
    }

}
