package dev.ticketflow.plugins.survey;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.MailMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the mail about a rating from Mustache templates (the shipped ones, or the operator's):
 * to the ticket's assignee and the configured managers, with the score, the customer's comment
 * and the ticket link. Templates are compiled once; thread-safe.
 *
 * <p>Template values: {@code ticketId}, {@code ticketUrl}, {@code subject}, {@code score},
 * {@code scoreLabel}, {@code bad}, {@code comment}, {@code assigneeName}, {@code assigneeEmail},
 * {@code requesterName}, {@code requesterEmail}, {@code source}.
 */
public final class RatingMails {

    private final Mustache subject;
    private final Mustache body;
    private final List<String> managers;

    public RatingMails(SurveySettings settings) {
        PlainTextMustacheFactory factory = new PlainTextMustacheFactory();
        this.subject = compile(factory, "subject", settings.subjectTemplate(), "templates/rating-subject.mustache");
        this.body = compile(factory, "body", settings.bodyTemplate(), "templates/rating-body.mustache");
        this.managers = settings.managers();
    }

    /**
     * The mail about a rating.
     *
     * @param rated a {@code ticket.rated} event
     * @return the mail, empty when there is nobody to send it to (no assignee e-mail, no manager)
     */
    public Optional<MailMessage> mailFor(TicketEvent rated) {
        Ticket ticket = rated.ticket();
        Set<String> recipients = new LinkedHashSet<>();
        if (ticket.assignee() != null && present(ticket.assignee().email())) {
            recipients.add(ticket.assignee().email());
        }
        recipients.addAll(managers);
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> scope = scope(rated);
        String subjectLine = render(subject, scope).strip().replaceAll("\\s*\\R\\s*", " ");
        return Optional.of(MailMessage.text(List.copyOf(recipients), subjectLine, render(body, scope)));
    }

    private static Map<String, Object> scope(TicketEvent rated) {
        Ticket ticket = rated.ticket();
        Rating rating = rated.rating();
        Map<String, Object> scope = new HashMap<>();
        scope.put("ticketId", ticket.id());
        scope.put("ticketUrl", blankToNull(ticket.url()));
        scope.put("subject", ticket.subject() == null ? "(no subject)" : ticket.subject());
        scope.put("score", rating.score());
        scope.put("scoreLabel", rating.isBad() ? "Bad" : Rating.GOOD.equals(rating.score()) ? "Good" : rating.score());
        scope.put("bad", rating.isBad());
        scope.put("comment", blankToNull(rating.comment()));
        scope.put("source", rated.source());
        putPerson(scope, "assignee", ticket.assignee());
        putPerson(scope, "requester", ticket.requester());
        return scope;
    }

    private static void putPerson(Map<String, Object> scope, String role, Person person) {
        if (person != null) {
            scope.put(role + "Name", blankToNull(person.name()));
            scope.put(role + "Email", blankToNull(person.email()));
        }
    }

    private static String render(Mustache template, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    private static Mustache compile(DefaultMustacheFactory factory, String name, String configured, String resource) {
        String text = configured != null ? configured : resource(resource);
        try {
            return factory.compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("satisfaction-survey configuration: mail." + name
                    + ": not a valid Mustache template: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RatingMails.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String blankToNull(String text) {
        return present(text) ? text : null;
    }

    /** Plain-text mail: values are written as they are, not HTML-escaped. */
    private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("could not write the rendered template", e);
            }
        }
    }
}
