package news.timeline.extraction.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Masks scraped-page boilerplate (navigation, captions, bylines, cookie and paywall blurbs, repeated blocks) and
 * scraping artefacts, keeping the text's length so that offsets still point into the submitted text. Linear in the
 * input: each line is looked at by a fixed set of rules, at most 300 characters for the cue rules.
 */
public final class TextCleaner {

    private static final int MAX_CUE_LINE = 300;
    private static final int MIN_CONTENT_WORDS = 6;
    private static final int MAX_HEADLINE_WORDS = 25;
    /** A menu: at least this many lines in a row, each of at most MENU_WORDS capitalized words and no stop or digit. */
    private static final int MENU_LINES = 4;
    private static final int MENU_WORDS = 4;

    private final BoilerplateRules rules;

    private TextCleaner(BoilerplateRules rules) {
        this.rules = rules;
    }

    public static TextCleaner english() {
        return new TextCleaner(BoilerplateRules.load());
    }

    public CleanedText clean(String input) {
        String original = input == null ? "" : input;
        char[] out = original.toCharArray();
        List<CleanedText.Removal> removed = new ArrayList<>();
        maskJunk(out, removed);
        String junkFree = new String(out);
        Set<String> seenParagraphs = new HashSet<>();
        boolean inBlock = false;
        int headlineStart = -1;
        int headlineEnd = -1;
        boolean headlineCounted = false;
        int contentLines = 0;
        int pos = 0;
        int n = junkFree.length();
        while (pos <= n) {
            int eol = junkFree.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            int ls = pos;
            int le = eol;
            pos = eol + 1;
            String raw = junkFree.substring(ls, le);
            if (raw.isBlank()) {
                inBlock = false;
                if (eol == n) {
                    break;
                }
                continue;
            }
            // prefixes (page-date lines, reading time) are masked piecewise, the rest of the line stays
            int offset = ls + (raw.length() - raw.stripLeading().length());
            boolean again = true;
            while (again && offset < le) {
                again = false;
                for (BoilerplateRules.Rule r : rules.rules()) {
                    if (r.kind() != BoilerplateRules.Kind.PREFIX) {
                        continue;
                    }
                    Matcher m = r.pattern().matcher(junkFree).region(offset, le);
                    if (m.lookingAt() && m.end() > offset) {
                        mask(out, offset, m.end(), r.id(), removed);
                        offset = m.end();
                        while (offset < le && Character.isWhitespace(junkFree.charAt(offset))) {
                            offset++;
                        }
                        again = true;
                        break;
                    }
                }
            }
            if (offset >= le) {
                continue;
            }
            String line = junkFree.substring(offset, le).strip();
            String bare = stripBullet(line);
            String ruleId = lineRule(bare, line);
            if (ruleId == null && inBlock && wordCount(bare) <= 15) {
                ruleId = "boilerplate.teaser-block";
            } else if (ruleId == null) {
                inBlock = false;
            }
            if (ruleId == null && bare.length() >= 40) {
                String key = bare.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (!seenParagraphs.add(key)) {
                    ruleId = "boilerplate.repeated-block";
                }
            }
            if (ruleId != null) {
                if (ruleId.equals("boilerplate.teaser-block")) {
                    inBlock = true;
                }
                mask(out, offset, le, ruleId, removed);
                if (rules.tail(ruleId) && headlineStart >= 0) {
                    // "Poverty remains a challenge for Paraguay as new president is elected" / "Read more": a teaser
                    mask(out, headlineStart, headlineEnd, ruleId + ".headline", removed);
                    contentLines -= headlineCounted ? 1 : 0;
                }
                headlineStart = -1;
                continue;
            }
            for (BoilerplateRules.Rule r : rules.rules()) {
                if (r.kind() == BoilerplateRules.Kind.DOUBLED) {
                    Matcher m = r.pattern().matcher(junkFree).region(offset, le);
                    while (m.find()) {
                        mask(out, m.start(1), m.end(1), r.id(), removed);
                    }
                }
            }
            boolean counted = wordCount(bare) >= MIN_CONTENT_WORDS;
            if (counted) {
                contentLines++;
            }
            // a line with no stop at its end and few words may be a link's headline, if a "Read more" follows it
            boolean headline = wordCount(bare) <= MAX_HEADLINE_WORDS && !bare.isEmpty() && ".:;\"\u201D".indexOf(bare.charAt(bare.length() - 1)) < 0;
            headlineStart = headline ? offset : -1;
            headlineEnd = le;
            headlineCounted = counted;
        }
        menus(out, junkFree, removed);
        return new CleanedText(original, new String(out), List.copyOf(removed), contentLines == 0);
    }

    /**
     * Masks a page's menu: a run of short lines of capitalized words with no stop and no digit ("Front Page",
     * "Middle East", "Letter From America", "UK Politics"), which prose, datelines and captions never make.
     */
    private static void menus(char[] out, String before, List<CleanedText.Removal> removed) {
        int runStart = -1;
        int runEnd = -1;
        int lines = 0;
        int pos = 0;
        while (pos <= out.length) {
            int eol = pos;
            while (eol < out.length && out[eol] != '\n') {
                eol++;
            }
            String line = new String(out, pos, eol - pos).strip();
            if (line.isEmpty() && !before.substring(pos, eol).isBlank()) {
                pos = eol + 1; // a line another rule masked ("Home") neither makes nor breaks a menu
                continue;
            }
            if (!line.isEmpty() && menuItem(line)) {
                if (lines == 0) {
                    runStart = pos;
                }
                runEnd = eol;
                lines++;
            } else {
                if (lines >= MENU_LINES) {
                    mask(out, runStart, runEnd, "boilerplate.menu", removed);
                }
                lines = 0;
            }
            pos = eol + 1;
        }
        if (lines >= MENU_LINES) {
            mask(out, runStart, runEnd, "boilerplate.menu", removed);
        }
    }

    private static boolean menuItem(String line) {
        String[] words = line.split("\\s+");
        if (words.length > MENU_WORDS) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isDigit(c) || ".!?:;,\"\u201D".indexOf(c) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private String lineRule(String bare, String line) {
        for (BoilerplateRules.Rule r : rules.rules()) {
            switch (r.kind()) {
                case LINE, TAIL -> {
                    if (bare.length() <= 400 && r.pattern().matcher(bare).matches()) {
                        return r.id();
                    }
                }
                case BLOCK -> {
                    if (bare.length() <= 80 && r.pattern().matcher(bare).matches()) {
                        return "boilerplate.teaser-block";
                    }
                }
                case CUE -> {
                    if (line.length() <= MAX_CUE_LINE && r.pattern().matcher(bare).find()) {
                        return r.id();
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Control characters, replacement characters and other binary junk become spaces. */
    private static void maskJunk(char[] out, List<CleanedText.Removal> removed) {
        int runStart = -1;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            boolean junk = (c < 0x20 && c != '\n' && c != '\t') || c == '\uFFFD' || (c >= 0x7F && c < 0xA0)
                    || (c >= '\uE000' && c <= '\uF8FF') || c == '\uFEFF';
            if (c == '\r' || c == '\t' || c == '\u00A0') {
                out[i] = ' ';
                continue;
            }
            if (junk) {
                out[i] = ' ';
                if (runStart < 0) {
                    runStart = i;
                }
            } else if (runStart >= 0) {
                removed.add(new CleanedText.Removal(runStart, i, "boilerplate.binary"));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            removed.add(new CleanedText.Removal(runStart, out.length, "boilerplate.binary"));
        }
    }

    private static void mask(char[] out, int start, int end, String ruleId, List<CleanedText.Removal> removed) {
        for (int i = start; i < end; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
        removed.add(new CleanedText.Removal(start, end, ruleId));
    }

    static String stripBullet(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '-' || c == '*' || c == '•' || c == '–' || c == '—' || c == '·' || c == '>' || Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        // keep a leading minus of a number ("-5 degrees")
        return line.substring(i).strip();
    }

    private static int wordCount(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }
}
