package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The merged, not yet compiled content of one or more rules files. Not thread-safe. */
final class RulesDocument {

    private static final Pattern LEXICON_REFERENCE = Pattern.compile("\\{\\{([a-z0-9_]+)}}");
    private static final int MAX_LEXICON_DEPTH = 8;
    private static final String ENTRY = "{{entry}}";

    private final Map<String, List<String>> lexicons = new LinkedHashMap<>();
    private final Map<String, Map<?, ?>> rules = new LinkedHashMap<>();
    private final Map<String, Map<?, ?>> suppressors = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> guidance = new LinkedHashMap<>();
    private int ventingThreshold = 2;
    private int threatThreshold = 2;

    void merge(Map<String, Object> file, String name) {
        mapOf(file.get("lexicons"), name + ": lexicons").forEach((key, entries) ->
                lexicons.computeIfAbsent(String.valueOf(key), k -> new ArrayList<>())
                        .addAll(strings(entries, name + ": lexicon " + key)));
        mapOf(file.get("replaceLexicons"), name + ": replaceLexicons").forEach((key, entries) ->
                lexicons.put(String.valueOf(key), strings(entries, name + ": lexicon " + key)));
        mergeById(file.get("rules"), rules, name, "rules");
        mergeById(file.get("suppressors"), suppressors, name, "suppressors");
        mapOf(file.get("guidance"), name + ": guidance").forEach((key, text) ->
                guidance.put(String.valueOf(key), String.valueOf(text).strip()));
        Map<?, ?> thresholds = mapOf(file.get("thresholds"), name + ": thresholds");
        if (thresholds.get("venting") != null) {
            ventingThreshold = positiveInt(thresholds.get("venting"), name + ": thresholds.venting");
        }
        if (thresholds.get("threat") != null) {
            threatThreshold = positiveInt(thresholds.get("threat"), name + ": thresholds.threat");
        }
    }

    RuleBook compile() {
        List<TextRule> compiledRules = new ArrayList<>();
        rules.forEach((id, entry) -> compiledRules.add(compileRule(id, entry)));
        List<Suppressor> compiledSuppressors = new ArrayList<>();
        suppressors.forEach((id, entry) -> {
            String where = sources.get("suppressors/" + id) + ": suppressor " + id;
            Set<String> targets = new LinkedHashSet<>(strings(entry.get("suppresses"), where + ".suppresses"));
            for (String target : targets) {
                if (!rules.containsKey(target)) {
                    throw new RuleBookException(where + " suppresses unknown rule '" + target + "'");
                }
            }
            compiledSuppressors.add(new Suppressor(id, compile(required(entry, "pattern", where), false, where),
                    targets, keywords(entry.get("keywords"), where)));
        });
        return new RuleBook(compiledRules, compiledSuppressors, ventingThreshold, threatThreshold, guidance);
    }

    private TextRule compileRule(String id, Map<?, ?> entry) {
        String where = sources.get("rules/" + id) + ": rule " + id;
        Label label;
        try {
            label = Label.ofId(required(entry, "label", where));
        } catch (IllegalArgumentException e) {
            throw new RuleBookException(where + ": " + e.getMessage());
        }
        if (label == Label.NORMAL) {
            throw new RuleBookException(where + ": a rule points to venting or threat, not normal");
        }
        boolean onOriginal = "original".equals(entry.get("view"));
        int weight = entry.containsKey("weight") ? positiveInt(entry.get("weight"), where + ".weight") : 2;
        int minCount = entry.containsKey("minCount") ? positiveInt(entry.get("minCount"), where + ".minCount") : 1;
        Set<String> ruleKeywords = keywords(entry.get("keywords"), where);
        List<TextRule.Alternative> anyOf = new ArrayList<>();
        List<Pattern> allOf = new ArrayList<>();
        int window = 0;
        boolean anchoredWindow = false;
        if (entry.containsKey("allOf")) {
            List<String> sources = strings(entry.get("allOf"), where + ".allOf");
            for (String source : sources) {
                allOf.add(compile(source, onOriginal, where));
            }
            if (!sources.isEmpty()) {
                anchoredWindow = alternative(sources.get(0), ruleKeywords, entry, onOriginal, where).anchored();
            }
            window = positiveInt(entry.containsKey("window") ? entry.get("window") : 2, where + ".window");
            if (allOf.size() < 2) {
                throw new RuleBookException(where + ": allOf needs at least two patterns");
            }
        } else if (entry.containsKey("eachOf")) {
            String lexicon = required(entry, "eachOf", where);
            List<String> entries = lexicons.get(lexicon);
            if (entries == null || entries.isEmpty()) {
                throw new RuleBookException(where + ".eachOf names unknown or empty lexicon '" + lexicon + "'");
            }
            String template = entry.containsKey("pattern") ? required(entry, "pattern", where) : "\\b(?:{{entry}})";
            if (!template.contains(ENTRY)) {
                throw new RuleBookException(where + ": the pattern of an eachOf rule must contain " + ENTRY);
            }
            boolean anchoredTemplate = LeadingWords.isZeroWidth(template.substring(0, template.indexOf(ENTRY)));
            for (String lexiconEntry : entries) {
                String itemWhere = where + " (entry '" + lexiconEntry + "' of lexicon " + lexicon + ")";
                List<String> leading = LeadingWords.of(lexiconEntry);
                if (leading.isEmpty() && ruleKeywords.isEmpty()) {
                    throw new RuleBookException(itemWhere + ": cannot tell a keyword from the entry;"
                            + " start it with a word or give the rule keywords");
                }
                Set<String> own = leading.isEmpty() ? ruleKeywords : new LinkedHashSet<>(leading);
                // a derived keyword is the entry's first word, so matches start there
                boolean anchored = !leading.isEmpty() && (anchoredTemplate || "keyword".equals(entry.get("anchor")));
                anyOf.add(new TextRule.Alternative(compile(template.replace(ENTRY, "(?:" + lexiconEntry + ")"),
                        onOriginal, itemWhere), own, anchored));
            }
        } else if (entry.containsKey("anyOf")) {
            List<Object> items = RuleBookLoader.list(entry.get("anyOf"), where + ".anyOf");
            for (int i = 0; i < items.size(); i++) {
                String itemWhere = where + ".anyOf[" + i + "]";
                if (items.get(i) instanceof Map<?, ?> item) {
                    Set<String> own = keywords(item.get("keywords"), itemWhere);
                    anyOf.add(alternative(required(item, "pattern", itemWhere), own.isEmpty() ? ruleKeywords : own,
                            item.containsKey("anchor") ? item : entry, onOriginal, itemWhere));
                } else if (items.get(i) instanceof String source) {
                    anyOf.add(alternative(source, ruleKeywords, entry, onOriginal, itemWhere));
                } else {
                    throw new RuleBookException(itemWhere + " must be a pattern or a {pattern, keywords} mapping");
                }
            }
            if (anyOf.isEmpty()) {
                throw new RuleBookException(where + ": anyOf is empty");
            }
        } else {
            anyOf.add(alternative(required(entry, "pattern", where), ruleKeywords, entry, onOriginal, where));
        }
        List<String> requires = strings(entry.get("requires"), where + ".requires");
        int maxWeight = entry.containsKey("maxWeight") ? positiveInt(entry.get("maxWeight"), where + ".maxWeight") : weight;
        return new TextRule(id, label, weight, Math.max(weight, maxWeight),
                onOriginal, anyOf, allOf, window,
                minCount, ruleKeywords, anchoredWindow, requires);
    }

    /**
     * One alternative. Without keywords, the words a pattern starts with become its keywords and
     * it is tried only where they start ({@code \\b(?:threaten|warn)\\s+...}); a pattern that starts
     * otherwise and has no keywords is searched over the whole message.
     */
    private TextRule.Alternative alternative(String source, Set<String> keywords, Map<?, ?> anchorSource,
            boolean onOriginal, String where) {
        Pattern pattern = compile(source, onOriginal, where);
        if (keywords.isEmpty() && !onOriginal) {
            List<String> leading = LeadingWords.of(source);
            if (!leading.isEmpty()) {
                return new TextRule.Alternative(pattern, new LinkedHashSet<>(leading), true);
            }
        }
        boolean anchored = anchored(anchorSource, keywords, where);
        if (!anchored && !keywords.isEmpty() && !onOriginal) {
            // a pattern that starts with one of its keywords is anchored without saying so
            List<String> leading = LeadingWords.of(source);
            anchored = !leading.isEmpty()
                    && leading.stream().allMatch(word -> keywords.stream().anyMatch(word::startsWith));
        }
        if (!anchored && !onOriginal && (source.startsWith("(?<=") || source.startsWith("(?<!"))) {
            // a look-behind evaluated at every position around a keyword would be very slow
            throw new RuleBookException(where + ": a pattern that starts with a look-behind must be tried"
                    + " only at its keywords: give keywords and anchor: keyword");
        }
        return new TextRule.Alternative(pattern, keywords, anchored);
    }

    /** {@code anchor: keyword} declares that every match starts where one of the keywords starts. */
    private static boolean anchored(Map<?, ?> entry, Set<String> keywords, String where) {
        Object anchor = entry.get("anchor");
        if (anchor == null) {
            return false;
        }
        if (!"keyword".equals(anchor)) {
            throw new RuleBookException(where + ".anchor must be 'keyword', was " + anchor);
        }
        if (keywords.isEmpty()) {
            throw new RuleBookException(where + ": anchor: keyword needs keywords");
        }
        return true;
    }

    /**
     * The keywords of an entry. An item {@code @name} stands for the leading word of every entry
     * of lexicon {@code name}, so a rule built on a lexicon need not repeat it.
     */
    private Set<String> keywords(Object value, String where) {
        Set<String> result = new LinkedHashSet<>();
        // a single keyword (often "@lexicon") may be written without brackets
        for (String keyword : strings(value instanceof String single ? List.of(single) : value, where + ".keywords")) {
            if (keyword.startsWith("@")) {
                result.addAll(lexiconKeywords(keyword.substring(1), where, 0));
            } else if (keyword.isBlank()) {
                throw new RuleBookException(where + ".keywords holds a blank keyword");
            } else {
                result.add(keyword.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return result;
    }

    private Set<String> lexiconKeywords(String name, String where, int depth) {
        List<String> entries = lexicons.get(name);
        if (entries == null || depth > MAX_LEXICON_DEPTH) {
            throw new RuleBookException(where + ".keywords names unknown lexicon '@" + name + "'");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String entry : entries) {
            Matcher reference = LEXICON_REFERENCE.matcher(entry);
            if (reference.lookingAt()) {
                result.addAll(lexiconKeywords(reference.group(1), where, depth + 1));
                continue;
            }
            List<String> words = LeadingWords.of(entry);
            if (words.isEmpty()) {
                throw new RuleBookException(where + ": cannot tell a keyword from entry '" + entry
                        + "' of lexicon " + name + "; list the keywords of this rule explicitly");
            }
            result.addAll(words);
        }
        return result;
    }

    private Pattern compile(String source, boolean onOriginal, String where) {
        String expanded = expand(source, where, 0);
        try {
            // folded text is lower case already; the flag (which makes every literal comparison
            // slower) only forgives an upper-case letter in a rule
            return Pattern.compile(expanded, onOriginal || !hasUpperCaseLiteral(expanded) ? 0 : Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new RuleBookException(where + " has an invalid pattern: " + e.getDescription()
                    + " near index " + e.getIndex() + " of: " + e.getPattern(), e);
        }
    }

    /** Whether a pattern spells an upper-case letter, not counting escapes such as {@code \\S} or {@code \\p{Lu}}. */
    static boolean hasUpperCaseLiteral(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char escaped = pattern.charAt(++i);
                if ((escaped == 'p' || escaped == 'P') && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                    i = Math.max(i, pattern.indexOf('}', i));
                }
                continue;
            }
            if (Character.isUpperCase(c)) {
                return true;
            }
        }
        return false;
    }

    private String expand(String source, String where, int depth) {
        if (depth > MAX_LEXICON_DEPTH) {
            throw new RuleBookException(where + ": lexicons nest too deeply (a lexicon refers to itself?)");
        }
        Matcher matcher = LEXICON_REFERENCE.matcher(source);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(1).equals("entry")) {
                throw new RuleBookException(where + ": {{entry}} is only allowed in the pattern of an eachOf rule");
            }
            List<String> entries = lexicons.get(matcher.group(1));
            if (entries == null || entries.isEmpty()) {
                throw new RuleBookException(where + " refers to unknown or empty lexicon '"
                        + matcher.group(1) + "'");
            }
            StringBuilder alternation = new StringBuilder("(?:");
            for (int i = 0; i < entries.size(); i++) {
                alternation.append(i == 0 ? "" : "|").append(expand(entries.get(i), where, depth + 1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(alternation.append(')').toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private void mergeById(Object value, Map<String, Map<?, ?>> target, String name, String section) {
        for (Object item : RuleBookLoader.list(value, name + ": " + section)) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("id") instanceof String id) || id.isBlank()) {
                throw new RuleBookException(name + ": every entry of " + section + " needs an id");
            }
            if (Boolean.FALSE.equals(entry.get("enabled"))) {
                target.remove(id);
            } else {
                target.put(id, entry);
                sources.put(section + "/" + id, name);
            }
        }
    }

    private static String required(Map<?, ?> entry, String key, String where) {
        Object value = entry.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new RuleBookException(where + " needs a non-empty '" + key + "'");
        }
        return text;
    }

    private static int positiveInt(Object value, String where) {
        if (value instanceof Integer number && number > 0) {
            return number;
        }
        throw new RuleBookException(where + " must be a positive integer, was " + value);
    }

    private static List<String> strings(Object value, String where) {
        List<String> result = new ArrayList<>();
        for (Object item : RuleBookLoader.list(value, where)) {
            if (item == null) {
                throw new RuleBookException(where + " holds an empty entry");
            }
            result.add(String.valueOf(item));
        }
        return result;
    }

    private static Map<?, ?> mapOf(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new RuleBookException(where + " must be a mapping");
    }
}
