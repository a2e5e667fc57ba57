package dev.ticketflow.plugins.apology.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the linter rules: the defaults shipped in the plugin ({@value #DEFAULT_RESOURCE}) and,
 * optionally, an operator's file merged over them (see the header of the default file). Blocking
 * (reads files): call it off the event loop.
 */
public final class LinterRulesLoader {

    /** The classpath resource holding the default rules. */
    public static final String DEFAULT_RESOURCE = "apology-rules.yaml";

    private static final Pattern LEXICON_REFERENCE = Pattern.compile("\\{\\{([a-z0-9_]+)}}");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final List<String> OVER_APOLOGY_KEYS = List.of("minimum", "shortReplyMinimum",
            "shortReplyMaxSentences", "shortReplyMaxWords");

    private LinterRulesLoader() {}

    /**
     * The default rules.
     *
     * @return the compiled rules
     * @throws LinterRulesException when the shipped file is broken
     */
    public static LinterRules defaults() {
        return load(null);
    }

    /**
     * The default rules with an operator's file merged over them.
     *
     * @param extraRulesFile the operator's YAML file, or {@code null}
     * @return the compiled rules
     * @throws LinterRulesException when a file cannot be read or a rule is invalid
     */
    public static LinterRules load(Path extraRulesFile) {
        String extra = null;
        if (extraRulesFile != null) {
            try {
                extra = Files.readString(extraRulesFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LinterRulesException("cannot read the extra rules file " + extraRulesFile
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
     * @return the compiled rules
     * @throws LinterRulesException when a rule is invalid
     */
    public static LinterRules fromYaml(String defaultsYaml, String extraYaml, String extraName) {
        Merged merged = new Merged();
        merged.merge(parse(defaultsYaml, DEFAULT_RESOURCE), DEFAULT_RESOURCE);
        if (extraYaml != null) {
            merged.merge(parse(extraYaml, extraName), extraName);
        }
        return merged.compile();
    }

    /** The merged content of the rules files, before compiling. */
    private static final class Merged {
        final Map<String, List<String>> lexicons = new LinkedHashMap<>();
        final List<String> masks = new ArrayList<>();
        final List<String> notApologies = new ArrayList<>();
        final List<String> notAdmissions = new ArrayList<>();
        final Map<String, List<String>> patterns = new LinkedHashMap<>();
        final Map<String, String> severities = new LinkedHashMap<>();
        final Map<String, String> hints = new LinkedHashMap<>();
        final Map<String, Integer> overApology = new LinkedHashMap<>();
        String apology;

        void merge(Map<String, Object> file, String name) {
            if (file.get("apology") != null) {
                apology = String.valueOf(file.get("apology"));
            }
            if (file.containsKey("overApologyThreshold")) {
                // the older name of overApology.minimum
                overApology.put("minimum", count(file.get("overApologyThreshold"), name + ": overApologyThreshold"));
            }
            map(file.get("overApology"), name + ": overApology").forEach((key, value) -> {
                String where = name + ": overApology." + key;
                if (!OVER_APOLOGY_KEYS.contains(String.valueOf(key))) {
                    throw new LinterRulesException(where + " is unknown: the keys are " + OVER_APOLOGY_KEYS);
                }
                overApology.put(String.valueOf(key), count(value, where));
            });
            masks.addAll(strings(file.get("mask"), name + ": mask"));
            notApologies.addAll(strings(file.get("notApologies"), name + ": notApologies"));
            notAdmissions.addAll(strings(file.get("notAdmissions"), name + ": notAdmissions"));
            map(file.get("lexicons"), name + ": lexicons").forEach((key, value) -> lexicons
                    .computeIfAbsent(String.valueOf(key), k -> new ArrayList<>())
                    .addAll(strings(value, name + ": lexicon " + key)));
            map(file.get("replaceLexicons"), name + ": replaceLexicons").forEach((key, value) ->
                    lexicons.put(String.valueOf(key), strings(value, name + ": lexicon " + key)));
            map(file.get("rules"), name + ": rules").forEach((key, value) -> {
                String id = String.valueOf(key);
                String where = name + ": rule " + id;
                if (!LinterRules.RULE_IDS.contains(id)) {
                    throw new LinterRulesException(where + " is unknown: the rules are " + LinterRules.RULE_IDS);
                }
                Map<?, ?> rule = map(value, where);
                List<String> own = strings(rule.get("patterns"), where + ".patterns");
                if (Boolean.TRUE.equals(rule.get("replacePatterns"))) {
                    patterns.put(id, new ArrayList<>(own));
                } else {
                    patterns.computeIfAbsent(id, k -> new ArrayList<>()).addAll(own);
                }
                if (rule.get("severity") != null) {
                    severities.put(id, String.valueOf(rule.get("severity")));
                }
                if (rule.get("hint") != null) {
                    hints.put(id, String.valueOf(rule.get("hint")).strip());
                }
            });
        }

        LinterRules compile() {
            if (apology == null) {
                throw new LinterRulesException(DEFAULT_RESOURCE + " needs an 'apology' pattern");
            }
            List<Pattern> compiledMasks = new ArrayList<>();
            for (String mask : masks) {
                compiledMasks.add(compile(mask, "mask"));
            }
            List<Pattern> compiledNotApologies = new ArrayList<>();
            for (String phrase : notApologies) {
                compiledNotApologies.add(compile(phrase, "notApologies"));
            }
            List<Pattern> compiledNotAdmissions = new ArrayList<>();
            for (String phrase : notAdmissions) {
                compiledNotAdmissions.add(compile(phrase, "notAdmissions"));
            }
            Map<String, LintRule> rules = new LinkedHashMap<>();
            for (String id : LinterRules.RULE_IDS) {
                String where = "rule " + id;
                Severity severity;
                try {
                    severity = Severity.valueOf(severities.getOrDefault(id, "medium").toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new LinterRulesException(where + ": severity must be low, medium or high");
                }
                List<Pattern> compiled = new ArrayList<>();
                List<Boolean> anchored = new ArrayList<>();
                for (String source : patterns.getOrDefault(id, List.of())) {
                    compiled.add(compile(source, where));
                    anchored.add(source.startsWith("\\b{{apology_word}}") || source.startsWith("\\b(?:sorry|apologies)"));
                }
                rules.put(id, new LintRule(id, severity, hints.getOrDefault(id, ""), compiled, anchored));
            }
            OverApologyPolicy defaults = OverApologyPolicy.DEFAULTS;
            OverApologyPolicy over;
            try {
                over = new OverApologyPolicy(
                        overApology.getOrDefault("minimum", defaults.minimum()),
                        overApology.getOrDefault("shortReplyMinimum", defaults.shortReplyMinimum()),
                        overApology.getOrDefault("shortReplyMaxSentences", defaults.shortReplyMaxSentences()),
                        overApology.getOrDefault("shortReplyMaxWords", defaults.shortReplyMaxWords()));
            } catch (IllegalArgumentException e) {
                throw new LinterRulesException("overApology: minimum and shortReplyMinimum must be 1 or more", e);
            }
            return new LinterRules(compile(apology, "apology"), compiledMasks, compiledNotApologies,
                    compiledNotAdmissions, rules, over);
        }

        private Pattern compile(String source, String where) {
            String expanded = expand(source, where, 0);
            try {
                return Pattern.compile(expanded, FLAGS);
            } catch (PatternSyntaxException e) {
                throw new LinterRulesException(where + " has an invalid pattern: " + e.getDescription()
                        + " near index " + e.getIndex() + " of: " + e.getPattern(), e);
            }
        }

        private String expand(String source, String where, int depth) {
            if (depth > 8) {
                throw new LinterRulesException(where + ": lexicons nest too deeply");
            }
            Matcher matcher = LEXICON_REFERENCE.matcher(source);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                List<String> entries = lexicons.get(matcher.group(1));
                if (entries == null || entries.isEmpty()) {
                    throw new LinterRulesException(where + " refers to unknown or empty lexicon '"
                            + matcher.group(1) + "'");
                }
                List<String> expanded = new ArrayList<>();
                for (String entry : entries) {
                    expanded.add(expand(entry, where, depth + 1));
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement("(?:" + String.join("|", expanded) + ")"));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    private static String readDefaults() {
        try (InputStream in = LinterRulesLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new LinterRulesException(DEFAULT_RESOURCE + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LinterRulesException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private static Map<String, Object> parse(String yamlText, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(yamlText);
            Map<String, Object> result = new LinkedHashMap<>();
            if (root == null) {
                return result;
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new LinterRulesException(name + ": the top level must be a mapping");
            }
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
            return result;
        } catch (YAMLException e) {
            throw new LinterRulesException(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new LinterRulesException(where + " must be a list");
        }
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                throw new LinterRulesException(where + " holds an empty entry");
            }
            result.add(String.valueOf(item));
        }
        return result;
    }

    private static int count(Object value, String where) {
        if (value instanceof Integer number && number >= 0) {
            return number;
        }
        throw new LinterRulesException(where + " must be a whole number, 0 or more");
    }

    private static Map<?, ?> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new LinterRulesException(where + " must be a mapping");
    }
}
