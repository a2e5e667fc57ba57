package dev.ticketflow.plugins.apology;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.Finding;
import dev.ticketflow.plugins.apology.lint.ReplyContext;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lints agents' public replies and puts the findings on the ticket as one internal note; a clean
 * reply, an internal note or a customer comment leaves the ticket alone.
 */
final class LintHandler implements EventHandler {

    private final Supplier<ApologyLinter> linter;
    private final LinterSettings settings;

    LintHandler(Supplier<ApologyLinter> linter, LinterSettings settings) {
        this.linter = linter;
        this.settings = settings;
    }

    @Override
    public Future<Void> handle(EventContext ctx) {
        Comment comment = ctx.event().comment();
        if (comment == null || !comment.byAgent() || !comment.isPublic() || comment.body() == null) {
            return Future.succeededFuture();
        }
        ApologyLinter current = linter.get();
        if (current == null) {
            return Future.failedFuture(new IllegalStateException("the apology rules are still loading; retry"));
        }
        Ticket ticket = ctx.event().ticket();
        ReplyContext context = settings.contextResolver().resolve(ticket.tags(), ticket.customFields());
        List<Finding> findings = current.lint(comment.body(), context);
        if (findings.isEmpty()) {
            ctx.log().debug("reply on ticket {} passed the apology check ({})", ctx.event().ticketId(), context.id());
            return Future.succeededFuture();
        }
        ctx.log().info("reply on ticket {} has {} apology findings ({}): {}", ctx.event().ticketId(),
                findings.size(), context.id(), findings.stream().map(Finding::ruleId).distinct().toList());
        return ctx.helpDesk().addInternalNote(FindingsNote.render(findings, context));
    }
}
