package news.timeline.extraction.temporal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The data of a temporal tagger, loaded once from a resource directory:
 * <ul>
 *   <li>{@code lexicons.txt}: the names of the {@code <name>.tsv} tables ({@code surface<TAB>value});</li>
 *   <li>{@code patterns.txt}: named regular expressions ({@code NAME<TAB>regex}), usable as {@code %NAME};
 *       every lexicon is usable as {@code %name} too;</li>
 *   <li>{@code rules.txt}: blocks of {@code key value} lines starting with {@code rule <id>}.</li>
 * </ul>
 * Any error names the file and line.
 */
final class TemporalRuleSet {

    static final String DIGIT = "digit";
    /** A four-digit number that can be a year (1500-2099). */
    static final String YEARNUM = "yearnum";
    private static final Set<String> NOT_TRIGGERS = Set.of("the", "of", "a", "an", "and", "day", "new", "eve",
            "in", "to", "s", "at", "on", "than", "more", "less", "least", "most", "up", "no", "year");
    private static final Pattern REF = Pattern.compile("%([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]*");

    final Map<String, Lexicon> lexicons;
    final List<TemporalRule> rules;
    /** Lower-case word to the trigger categories it belongs to (lexicon names and literal trigger words). */
    final Map<String, Set<String>> triggerIndex;
    /**
     * Common words that only complete a trigger group ("before" in {@code dunit+before}): they do not open a
     * window of their own, they are noted in the window they fall into.
     */
    final Map<String, Set<String>> secondaryIndex;

    private TemporalRuleSet(Map<String, Lexicon> lexicons, List<TemporalRule> rules, Map<String, Set<String>> triggerIndex,
                            Map<String, Set<String>> secondaryIndex) {
        this.lexicons = lexicons;
        this.rules = rules;
        this.triggerIndex = triggerIndex;
        this.secondaryIndex = secondaryIndex;
    }

    static TemporalRuleSet load(String dir) {
        String base = dir.endsWith("/") ? dir : dir + "/";
        Map<String, Lexicon> lexicons = new LinkedHashMap<>();
        for (Line l : read(base + "lexicons.txt")) {
            String name = l.text.trim();
            Lexicon lex = new Lexicon(name);
            for (Line e : read(base + name + ".tsv")) {
                String[] kv = e.text.split("\t");
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw e.error("expected 'surface<TAB>value'");
                }
                lex.put(kv[0], kv[1].trim());
            }
            lexicons.put(name, lex);
        }
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, Line> namedAt = new HashMap<>();
        for (Line l : read(base + "patterns.txt")) {
            String[] kv = l.text.split("\t+", 2);
            if (kv.length != 2) {
                throw l.error("expected 'NAME<TAB>regex'");
            }
            if (named.containsKey(kv[0]) || lexicons.containsKey(kv[0])) {
                throw l.error("pattern '" + kv[0] + "' is defined twice");
            }
            named.put(kv[0].trim(), kv[1].trim());
            namedAt.put(kv[0].trim(), l);
        }
        Map<String, String> expanded = new HashMap<>();
        for (var e : named.entrySet()) {
            Line at = namedAt.get(e.getKey());
            String rx = expand(e.getValue(), named, lexicons, expanded, new HashSet<>(Set.of(e.getKey())), at);
            try {
                Pattern.compile(rx);
            } catch (PatternSyntaxException ex) {
                throw at.error("bad regex for " + e.getKey() + ": " + ex.getDescription());
            }
            expanded.put(e.getKey(), rx);
        }
        List<TemporalRule> rules = parseRules(read(base + "rules.txt"), named, lexicons, expanded);
        Map<String, Set<String>> index = new HashMap<>();
        Map<String, Set<String>> secondary = new HashMap<>();
        Set<String> lexTriggers = new HashSet<>();
        Set<String> alone = new HashSet<>();
        for (TemporalRule r : rules) {
            for (Set<String> g : r.triggers()) {
                if (g.size() == 1) {
                    alone.addAll(g);
                }
            }
        }
        for (TemporalRule r : rules) {
            for (Set<String> g : r.triggers()) {
                for (String t : g) {
                    if (lexicons.containsKey(t)) {
                        lexTriggers.add(t);
                    } else if (!t.equals(DIGIT) && !t.equals(YEARNUM)) {
                        boolean onlyCompletes = g.size() > 1 && !alone.contains(t)
                                && g.stream().anyMatch(o -> !o.equals(t) && (lexicons.containsKey(o) || o.equals(DIGIT) || o.equals(YEARNUM)));
                        (onlyCompletes ? secondary : index).computeIfAbsent(t, k -> new HashSet<>()).add(t);
                    }
                }
            }
        }
        for (String name : lexTriggers) {
            for (String surface : lexicons.get(name).entries().keySet()) {
                String[] words = surface.split("[^\\p{L}]+");
                for (String w : words) {
                    // function words of multi-word surfaces ("the fourth of july") would open windows everywhere
                    if (!w.isEmpty() && (words.length == 1 || !NOT_TRIGGERS.contains(w))) {
                        index.computeIfAbsent(w, k -> new HashSet<>()).add(name);
                    }
                }
            }
        }
        secondary.keySet().removeAll(index.keySet());
        Map<String, Set<String>> frozen = new HashMap<>();
        index.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        Map<String, Set<String>> frozenSecondary = new HashMap<>();
        secondary.forEach((k, v) -> frozenSecondary.put(k, Set.copyOf(v)));
        return new TemporalRuleSet(Map.copyOf(lexicons), List.copyOf(rules), Map.copyOf(frozen), Map.copyOf(frozenSecondary));
    }

    private static List<TemporalRule> parseRules(List<Line> lines, Map<String, String> named,
                                                 Map<String, Lexicon> lexicons, Map<String, String> expanded) {
        List<TemporalRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Line> block = new ArrayList<>();
        for (Line l : lines) {
            if (l.text.startsWith("rule ") || l.text.startsWith("rule\t")) {
                if (!block.isEmpty()) {
                    rules.add(rule(block, named, lexicons, expanded, ids));
                }
                block = new ArrayList<>();
            } else if (block.isEmpty()) {
                throw l.error("expected 'rule <id>' to start a rule");
            }
            block.add(l);
        }
        if (!block.isEmpty()) {
            rules.add(rule(block, named, lexicons, expanded, ids));
        }
        return rules;
    }

    private static TemporalRule rule(List<Line> block, Map<String, String> named, Map<String, Lexicon> lexicons,
                                     Map<String, String> expanded, Set<String> ids) {
        Line head = block.get(0);
        String id = value(head);
        if (!RULE_ID.matcher(id).matches()) {
            throw head.error("rule id '" + id + "' must be lower_snake_case");
        }
        if (!ids.add(id)) {
            throw head.error("rule id '" + id + "' is used twice");
        }
        Line patternLine = null;
        Line typeLine = null;
        Line valueLine = null;
        Line modLine = null;
        List<Set<String>> triggers = new ArrayList<>();
        int priority = 0;
        int spanGroup = 0;
        Line spanLine = null;
        List<Line> exampleLines = new ArrayList<>();
        for (Line l : block.subList(1, block.size())) {
            String key = key(l);
            switch (key) {
                case "pattern" -> patternLine = l;
                case "type" -> typeLine = l;
                case "value" -> valueLine = l;
                case "mod" -> modLine = l;
                case "trigger" -> {
                    // alternatives separated by spaces; "a+b" needs both a and b near each other
                    for (String t : value(l).split("[,\\s]+")) {
                        triggers.add(Set.of(t.toLowerCase(Locale.ROOT).split("\\+")));
                    }
                }
                case "priority" -> {
                    try {
                        priority = Integer.parseInt(value(l));
                    } catch (NumberFormatException e) {
                        throw l.error("priority must be an integer");
                    }
                }
                case "example" -> exampleLines.add(l);
                case "span" -> {
                    spanLine = l;
                    try {
                        spanGroup = Integer.parseInt(value(l));
                    } catch (NumberFormatException e) {
                        throw l.error("span must be a group number");
                    }
                }
                default -> throw l.error("unknown key '" + key + "' (expected pattern, span, type, value, mod, trigger, priority, example)");
            }
        }
        if (patternLine == null || typeLine == null) {
            throw head.error("rule " + id + " needs a pattern and a type");
        }
        if (triggers.isEmpty()) {
            throw head.error("rule " + id + " needs a trigger (a lexicon name, 'digit' or words)");
        }
        if (exampleLines.isEmpty()) {
            throw head.error("rule " + id + " needs at least one example");
        }
        String rx = expand(value(patternLine), named, lexicons, expanded, new HashSet<>(), patternLine);
        Pattern p;
        try {
            p = Pattern.compile("(?<![\\p{Alnum}])(?:" + rx + ")(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw patternLine.error("bad pattern: " + e.getDescription());
        }
        int groups = p.matcher("").groupCount();
        if (spanGroup > groups) {
            throw spanLine.error("span refers to group " + spanGroup + " but the pattern has " + groups);
        }
        TimexType type = null;
        String typeName = value(typeLine);
        if (!typeName.equals("NONE")) {
            try {
                type = TimexType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw typeLine.error("type must be DATE, TIME, DURATION, SET or NONE (a blocking rule)");
            }
            if (valueLine == null) {
                throw head.error("rule " + id + " needs a value");
            }
        }
        ValueTemplate value = null;
        ValueTemplate mod = null;
        try {
            if (valueLine != null) {
                value = ValueTemplate.parse(value(valueLine), lexicons, groups);
            }
        } catch (IllegalArgumentException e) {
            throw valueLine.error(e.getMessage());
        }
        try {
            if (modLine != null) {
                mod = ValueTemplate.parse(value(modLine), lexicons, groups);
            }
        } catch (IllegalArgumentException e) {
            throw modLine.error(e.getMessage());
        }
        if (value != null) {
            try {
                TimexResolver.checkDirective(value.source());
            } catch (IllegalArgumentException e) {
                throw valueLine.error(e.getMessage());
            }
        }
        List<RuleExample> examples = new ArrayList<>();
        for (Line l : exampleLines) {
            try {
                examples.add(RuleExample.parse(id, l.where(), value(l)));
            } catch (IllegalArgumentException e) {
                throw l.error(e.getMessage());
            }
        }
        return new TemporalRule(id, head.where(), p, spanGroup, type, value, mod, List.copyOf(triggers), priority, List.copyOf(examples));
    }

    private static String expand(String rx, Map<String, String> named, Map<String, Lexicon> lexicons,
                                 Map<String, String> expanded, Set<String> visiting, Line at) {
        Matcher m = REF.matcher(rx);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String rep;
            if (expanded.containsKey(name)) {
                rep = expanded.get(name);
            } else if (named.containsKey(name)) {
                if (!visiting.add(name)) {
                    throw at.error("pattern %" + name + " refers to itself");
                }
                rep = expand(named.get(name), named, lexicons, expanded, visiting, at);
                visiting.remove(name);
            } else if (lexicons.containsKey(name)) {
                rep = lexicons.get(name).regex();
            } else {
                throw at.error("unknown pattern or lexicon %" + name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("(?:" + rep + ")"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String key(Line l) {
        int sp = indexOfSpace(l.text);
        return sp < 0 ? l.text : l.text.substring(0, sp);
    }

    private static String value(Line l) {
        int sp = indexOfSpace(l.text);
        if (sp < 0) {
            throw l.error("'" + l.text + "' has no value");
        }
        return l.text.substring(sp).trim();
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    record Line(String file, int number, String text) {
        IllegalStateException error(String message) {
            return new IllegalStateException(where() + ": " + message);
        }

        String where() {
            return file + ":" + number;
        }
    }

    /** Non-blank, non-comment lines of a resource; a line starting with '#' is a comment. */
    private static List<Line> read(String resource) {
        InputStream in = TemporalRuleSet.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": not found on the class path");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                lines.add(new Line(resource, n, s.startsWith("\t") ? t : s.stripTrailing()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
