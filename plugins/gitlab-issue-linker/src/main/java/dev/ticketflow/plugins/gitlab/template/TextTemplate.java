package dev.ticketflow.plugins.gitlab.template;

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

/**
 * One compiled Mustache template (mustache.java). Compiled once at plugin start, so a broken
 * template stops the plugin with its name rather than failing a delivery later. Thread-safe.
 */
public final class TextTemplate {

    private final String name;
    private final Mustache mustache;

    private TextTemplate(String name, Mustache mustache) {
        this.name = name;
        this.mustache = mustache;
    }

    /**
     * Compiles a template.
     *
     * @param name the template's configuration key, for messages
     * @param source the Mustache text
     * @param escaping how {@code {{value}}} is escaped ({@code {{{value}}}} never is)
     * @return the template
     * @throws TemplateException when the text does not compile
     */
    public static TextTemplate compile(String name, String source, Escaping escaping) {
        try {
            return new TextTemplate(name, new Factory(escaping).compile(new StringReader(source), name));
        } catch (MustacheException | UnsupportedOperationException e) {
            throw new TemplateException(name, e);
        }
    }

    /**
     * Renders the template.
     *
     * @param context nested maps, lists and strings
     * @return the text, trimmed
     */
    public String render(Map<String, ?> context) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, context).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MustacheException e) {
            throw new IllegalStateException("template '" + name + "' failed to render: " + e.getMessage(), e);
        }
        return out.toString().strip();
    }

    /** The template's name. */
    public String name() {
        return name;
    }

    /** A factory per escaping; partials are refused so a template cannot read files. */
    private static final class Factory extends DefaultMustacheFactory {
        private final Escaping escaping;

        Factory(Escaping escaping) {
            this.escaping = escaping;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escaping.escape(value));
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
