package news.timeline.extraction.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The boilerplate rules of {@code extraction/en/text/boilerplate.tsv}, compiled and checked against their examples. */
final class BoilerplateRules {

    /** TAIL: a whole line like LINE that ends a link, so the headline line right before it is the link's text too. */
    enum Kind { LINE, CUE, PREFIX, BLOCK, DOUBLED, TAIL }

    record Rule(String id, Kind kind, Pattern pattern) {
    }

    static final String RESOURCE = "/extraction/en/text/boilerplate.tsv";

    private final List<Rule> rules;

    private BoilerplateRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** Is the rule with this id a link's tail ("Read more"), whose headline line before it goes with it? */
    boolean tail(String ruleId) {
        return rules.stream().anyMatch(r -> r.kind() == Kind.TAIL && r.id().equals(ruleId));
    }

    static BoilerplateRules load() {
        List<Rule> out = new ArrayList<>();
        for (DataTable.Row row : DataTable.read(RESOURCE, 4)) {
            Kind kind;
            try {
                kind = Kind.valueOf(row.cell(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw row.error("unknown rule kind '" + row.cell(1) + "'");
            }
            Pattern p;
            try {
                p = Pattern.compile(row.cell(2), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw row.error("bad regex: " + e.getDescription());
            }
            Rule rule = new Rule("boilerplate." + row.cell(0), kind, p);
            String example = row.cells()[3];
            boolean ok = switch (kind) {
                case LINE, BLOCK, TAIL -> p.matcher(TextCleaner.stripBullet(example.strip())).matches();
                case CUE, DOUBLED -> p.matcher(example.strip()).find();
                case PREFIX -> p.matcher(example.stripLeading()).lookingAt();
            };
            if (!ok) {
                throw row.error("rule " + rule.id() + " does not match its own example");
            }
            out.add(rule);
        }
        return new BoilerplateRules(out);
    }
}
