package news.timeline.extraction.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.timeline.extraction.EventType;
import news.timeline.extraction.text.DataTable;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;

/** The trigger lexicon of {@code extraction/en/events/triggers.tsv} and the tense words, read once. */
public final class TriggerLexicon {

    public enum Strength { STRONG, WEAK, FRAME }

    public record Rule(String id, EventType type, boolean noun, Strength strength, Set<String> requires, int before, int after) {
    }

    record Form(String[] tokens, Rule rule) {
    }

    static final String DIR = "/extraction/en/events/";

    private final Map<String, List<Form>> byFirst = new HashMap<>();
    private final Map<String, String> tenseWords = new HashMap<>();
    private final java.util.Set<String> unrealHeads = new java.util.HashSet<>();
    private final Map<String, String[]> ruleTitles = new HashMap<>();
    private final Map<EventType, String[]> titles = new HashMap<>();

    private TriggerLexicon() {
    }

    public static TriggerLexicon english() {
        TriggerLexicon lex = new TriggerLexicon();
        Set<String> ids = new HashSet<>();
        for (DataTable.Row r : DataTable.read(DIR + "triggers.tsv", 7)) {
            String id = "events.trigger." + r.cell(0);
            if (!ids.add(id)) {
                throw r.error("duplicate rule id " + id);
            }
            EventType type = eventType(r, 1);
            String pos = r.cell(2);
            if (!pos.equals("verb") && !pos.equals("noun")) {
                throw r.error("pos must be verb or noun");
            }
            Strength strength;
            try {
                strength = Strength.valueOf(r.cell(3).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown strength '" + r.cell(3) + "'");
            }
            int before = 3;
            int after = 8;
            if (!r.cell(7).isEmpty()) {
                String[] w = r.cell(7).split("/");
                try {
                    before = Integer.parseInt(w[0].trim());
                    after = Integer.parseInt(w[1].trim());
                } catch (RuntimeException e) {
                    throw r.error("window must be before/after, e.g. 10/8");
                }
            }
            Rule rule = new Rule(id, type, pos.equals("noun"), strength, Set.copyOf(DataTable.list(r.cell(5))), before, after);
            List<String> forms = DataTable.list(r.cell(4));
            if (forms.isEmpty()) {
                throw r.error("no forms");
            }
            String example = r.cell(6).toLowerCase(Locale.ROOT);
            boolean exampleHit = false;
            for (String f : forms) {
                String[] toks = f.toLowerCase(Locale.ROOT).replace("-", " - ").trim().split("\\s+");
                lex.byFirst.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Form(toks, rule));
                exampleHit |= example.contains(f.toLowerCase(Locale.ROOT));
            }
            if (!exampleHit) {
                throw r.error("example does not contain any form of rule " + id);
            }
        }
        // longest forms first, rules with requirements before free ones
        for (List<Form> l : lex.byFirst.values()) {
            l.sort((a, b) -> {
                int c = Boolean.compare(b.rule().requires().isEmpty(), a.rule().requires().isEmpty());
                return c != 0 ? -c : Integer.compare(b.tokens().length, a.tokens().length);
            });
        }
        for (DataTable.Row r : DataTable.read(DIR + "tense-words.tsv", 2)) {
            lex.tenseWords.put(r.cell(0), r.cell(1));
        }
        for (DataTable.Row r : DataTable.read(DIR + "unreal.tsv", 2)) {
            if (!r.cell(1).toLowerCase(Locale.ROOT).contains(r.cell(0).substring(0, Math.min(4, r.cell(0).length())))) {
                throw r.error("example does not contain '" + r.cell(0) + "'");
            }
            lex.unrealHeads.add(r.cell(0));
        }
        for (DataTable.Row r : DataTable.read(DIR + "titles.tsv", 3)) {
            if (r.cell(0).startsWith("events.")) {
                lex.ruleTitles.put(r.cell(0), new String[] {r.cell(1), r.cell(2)}); // a rule's own wording ("{a} succeeds {b}")
                continue;
            }
            try {
                lex.titles.put(EventType.fromApiName(r.cell(0)), new String[] {r.cell(1), r.cell(2)});
            } catch (IllegalArgumentException e) {
                throw r.error("unknown event type '" + r.cell(0) + "'");
            }
        }
        for (EventType t : EventType.values()) {
            if (!lex.titles.containsKey(t) && t != EventType.REPORT) {
                lex.titles.putIfAbsent(t, new String[] {"{a} and {b}", "Event involving {a}"});
            }
        }
        return lex;
    }

    /** The API event type named in a cell, or an error naming the file and line. */
    static EventType eventType(DataTable.Row r, int cell) {
        try {
            return EventType.fromApiName(r.cell(cell));
        } catch (IllegalArgumentException e) {
            throw r.error("unknown event type '" + r.cell(cell) + "'");
        }
    }

    List<Form> forms(String firstToken) {
        return byFirst.getOrDefault(firstToken, List.of());
    }

    /**
     * Does the clause headed by {@code clause} open with a word that makes its verb {@code v} tell nothing that
     * happened: a condition in any tense ("if Kopp were indicted", "unless X welcomes"), or a clause of time with a
     * simple present, which tells the future ("until Annan visits Baghdad")? The kinds are rows of tense-words.tsv.
     */
    boolean unrealClause(Sentence s, Parse p, int clause, int v) {
        int mark = p.dependent(clause, Set.of("mark", "advmod"));
        if (mark < 0 || mark > v) {
            return false;
        }
        String kind = tense(s.tokens().get(mark).norm());
        return "condition".equals(kind) || "time-clause".equals(kind) && (p.tag(v).equals("VBZ") || p.tag(v).equals("VBP"));
    }

    String tense(String word) {
        return tenseWords.get(word);
    }

    /** Is the lemma a noun under which an event noun did not happen ("the possibility of", "fears of")? */
    boolean unrealHead(String lemma) {
        return unrealHeads.contains(lemma);
    }

    /** The title templates of the rule, when titles.tsv words its events itself, else those of the type. */
    String[] titleTemplates(String ruleId, EventType type) {
        String[] own = ruleId == null ? null : ruleTitles.get(ruleId);
        return own != null ? own : titleTemplates(type);
    }

    String[] titleTemplates(EventType type) {
        return titles.getOrDefault(type, new String[] {"{a} and {b}", "Event involving {a}"});
    }
}
