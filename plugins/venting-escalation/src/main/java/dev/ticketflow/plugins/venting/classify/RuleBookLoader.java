package dev.ticketflow.plugins.venting.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the rules: the defaults shipped in the plugin ({@value #DEFAULT_RESOURCE}) and,
 * optionally, an operator's file merged over them. Blocking (reads files): call it off the event
 * loop.
 *
 * <p>Merging: {@code lexicons} entries are appended to the lexicon of the same name (a new name
 * adds one), {@code replaceLexicons} replaces whole lexicons, {@code rules} and
 * {@code suppressors} replace the entry with the same id or add a new one ({@code enabled: false}
 * removes it), {@code thresholds} and {@code guidance} override key by key.
 */
public final class RuleBookLoader {

    /** The classpath resource holding the default rules. */
    public static final String DEFAULT_RESOURCE = "venting-rules.yaml";

    private RuleBookLoader() {}

    /**
     * The default rules.
     *
     * @return the compiled rule book
     * @throws RuleBookException when the shipped file is broken
     */
    public static RuleBook defaults() {
        return load(null);
    }

    /**
     * The default rules with an operator's file merged over them.
     *
     * @param extraRulesFile the operator's YAML file, or {@code null} for the defaults only
     * @return the compiled rule book
     * @throws RuleBookException when a file cannot be read or a rule is invalid
     */
    public static RuleBook load(Path extraRulesFile) {
        String extra = null;
        if (extraRulesFile != null) {
            try {
                extra = Files.readString(extraRulesFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuleBookException("cannot read the extra rules file " + extraRulesFile
                        + ": check the path in the config key extraRulesFile", e);
            }
        }
        return fromYaml(readDefaults(), extra, String.valueOf(extraRulesFile));
    }

    /**
     * Compiles rules from YAML texts.
     *
     * @param defaultsYaml the default rules
     * @param extraYaml an operator's rules merged over them, or {@code null}
     * @param extraName how to name the extra rules in error messages
     * @return the compiled rule book
     * @throws RuleBookException when a rule is invalid
     */
    public static RuleBook fromYaml(String defaultsYaml, String extraYaml, String extraName) {
        RulesDocument document = new RulesDocument();
        document.merge(parse(defaultsYaml, DEFAULT_RESOURCE), DEFAULT_RESOURCE);
        if (extraYaml != null) {
            document.merge(parse(extraYaml, extraName), extraName);
        }
        return document.compile();
    }

    private static String readDefaults() {
        try (InputStream in = RuleBookLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new RuleBookException(DEFAULT_RESOURCE + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleBookException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private static Map<String, Object> parse(String yamlText, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(yamlText);
            if (root == null) {
                return new LinkedHashMap<>();
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new RuleBookException(name + ": the top level must be a mapping");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
            return result;
        } catch (YAMLException e) {
            throw new RuleBookException(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            return new ArrayList<>(items);
        }
        throw new RuleBookException(where + " must be a list");
    }
}
