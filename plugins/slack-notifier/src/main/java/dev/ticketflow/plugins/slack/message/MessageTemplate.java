package dev.ticketflow.plugins.slack.message;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One compiled Mustache template (mustache.java) with Slack's escaping: {@code {{value}}} is
 * escaped for mrkdwn (and, in a Block Kit template, also for the JSON string it sits in);
 * {@code {{{value}}}} is inserted as it is. Partials are refused, so a template reads no file.
 * Thread-safe.
 */
public final class MessageTemplate {

    /** Where a template's output goes. */
    public enum Kind {
        /** mrkdwn text. */
        TEXT(Mrkdwn::escape),
        /** JSON text of a Block Kit array; values land inside JSON strings. */
        BLOCKS(value -> Mrkdwn.jsonString(Mrkdwn.escape(value))),
        /** A plain key (dedupe keys): nothing escaped. */
        PLAIN(UnaryOperator.identity());

        private final UnaryOperator<String> escaper;

        Kind(UnaryOperator<String> escaper) {
            this.escaper = escaper;
        }
    }

    private final Mustache mustache;

    private MessageTemplate(Mustache mustache) {
        this.mustache = mustache;
    }

    /**
     * Compiles a template.
     *
     * @param name a name for error messages
     * @param source the Mustache text
     * @param kind where the output goes
     * @return the template
     * @throws IllegalArgumentException with the compiler's message when it does not compile
     */
    public static MessageTemplate compile(String name, String source, Kind kind) {
        try {
            return new MessageTemplate(new Factory(kind.escaper).compile(new StringReader(source), name));
        } catch (MustacheException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Renders the template.
     *
     * @param context the event view
     * @return the text, trimmed
     */
    public String render(Map<String, Object> context) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, context).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().strip();
    }

    private static final class Factory extends DefaultMustacheFactory {
        private final UnaryOperator<String> escaper;

        Factory(UnaryOperator<String> escaper) {
            this.escaper = escaper;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escaper.apply(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            throw new UnsupportedOperationException("partials ({{> " + resourceName + "}}) are not supported");
        }
    }
}
