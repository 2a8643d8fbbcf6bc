package news.timeline.extraction.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;

/**
 * A value or modifier template of a rule: literal text with {@code {N}} and {@code {N:fn|fn}} slots that take
 * group N of the match through lexicons or built-in normalizers ({@code num}, {@code int2}, {@code year},
 * {@code decade}, {@code neg}). Parsed once; an unknown function fails at load time.
 */
final class ValueTemplate {

    private interface Part {
        String eval(MatchResult m);
    }

    private final String source;
    private final List<Part> parts;

    private ValueTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    String source() {
        return source;
    }

    static ValueTemplate parse(String template, Map<String, Lexicon> lexicons, int groupCount) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                String lit = template.substring(i);
                parts.add(m -> lit);
                break;
            }
            if (open > i) {
                String lit = template.substring(i, open);
                parts.add(m -> lit);
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in '" + template + "'");
            }
            String slot = template.substring(open + 1, close);
            int colon = slot.indexOf(':');
            int group;
            try {
                group = Integer.parseInt((colon < 0 ? slot : slot.substring(0, colon)).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("slot {" + slot + "} must start with a group number");
            }
            if (group > groupCount) {
                throw new IllegalArgumentException("slot {" + slot + "} refers to group " + group
                        + " but the pattern has " + groupCount);
            }
            // {N:f|g|=lit}: the first alternative that gives a value wins; =lit is a constant, also for an unmatched group
            List<java.util.function.UnaryOperator<String>> alternatives = new ArrayList<>();
            if (colon >= 0) {
                for (String f : slot.substring(colon + 1).split("\\|")) {
                    String name = f.trim();
                    if (name.startsWith("=")) {
                        String lit = name.substring(1);
                        alternatives.add(x -> lit);
                    } else {
                        var fn = function(name, lexicons);
                        alternatives.add(x -> x == null ? null : fn.apply(x));
                    }
                }
            }
            parts.add(m -> {
                String s = m.group(group);
                if (alternatives.isEmpty()) {
                    return s == null ? "" : s;
                }
                for (var fn : alternatives) {
                    String r;
                    try {
                        r = fn.apply(s);
                    } catch (RuntimeException e) {
                        r = null;
                    }
                    if (r != null) {
                        return r;
                    }
                }
                return "";
            });
            i = close + 1;
        }
        return new ValueTemplate(template, List.copyOf(parts));
    }

    String eval(MatchResult m) {
        if (parts.size() == 1) {
            return parts.get(0).eval(m);
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p.eval(m));
        }
        return sb.toString();
    }

    private static java.util.function.UnaryOperator<String> function(String name, Map<String, Lexicon> lexicons) {
        Lexicon lex = lexicons.get(name);
        if (lex != null) {
            return lex::lookup;
        }
        Lexicon numbers = lexicons.get("number");
        return switch (name) {
            case "num" -> s -> Numbers.parse(s, numbers);
            case "int2" -> s -> pad(digits(s), 2);
            case "int" -> s -> digits(s).isEmpty() ? null : String.valueOf(Integer.parseInt(digits(s)));
            case "am" -> s -> {
                int h = Integer.parseInt(digits(s));
                return pad(String.valueOf(h == 12 ? 0 : h), 2);
            };
            case "pm" -> s -> {
                int h = Integer.parseInt(digits(s));
                return pad(String.valueOf(h == 12 ? 12 : h + 12), 2);
            };
            case "year" -> ValueTemplate::year;
            case "yearwords" -> s -> Numbers.spokenYear(s, numbers);
            case "decade" -> s -> {
                String d = digits(s);
                if (d.length() == 2) {
                    d = year(d);
                }
                return d.length() >= 3 ? d.substring(0, 3) : null;
            };
            case "century" -> s -> {
                // "20th" or "twentieth" century -> 19
                Lexicon ordinals = lexicons.get("ordinal");
                String w = ordinals == null ? null : ordinals.lookup(s);
                String d = w != null ? w : digits(s);
                return d.isEmpty() ? null : pad(String.valueOf(Integer.parseInt(d) - 1), 2);
            };
            case "neg" -> s -> s.startsWith("-") ? s.substring(1) : "-" + s;
            case "lower" -> s -> s.toLowerCase(java.util.Locale.ROOT);
            default -> throw new IllegalArgumentException("unknown function or lexicon '" + name + "'");
        };
    }

    static String digits(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String pad(String d, int n) {
        if (d.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = d.length(); i < n; i++) {
            sb.append('0');
        }
        return sb.append(d).toString();
    }

    /** Two-digit years are read as 19xx up to 29 years ahead of 2000, else 1900s: '98 is 1998, '05 is 2005. */
    private static String year(String s) {
        String d = digits(s);
        if (d.length() == 4) {
            return d;
        }
        if (d.length() == 2) {
            int y = Integer.parseInt(d);
            return String.valueOf(y < 30 ? 2000 + y : 1900 + y);
        }
        return null;
    }
}
