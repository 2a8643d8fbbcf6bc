package news.timeline.extraction.temporal;

/** Reads cardinal numbers written in digits or English words ("twenty four", "2 1/2", "a"). */
final class Numbers {

    private Numbers() {
    }

    /**
     * The number as a TIMEX3 quantity string: an integer, a decimal ("2.5"), or "X" for vague quantities
     * ("several", "a few"); null when the text is not a number.
     */
    static String parse(String s, Lexicon words) {
        String t = Lexicon.key(s);
        if (t.isEmpty()) {
            return null;
        }
        // digits, possibly "2 1/2" or "1.5" or "1,000"
        if (Character.isDigit(t.charAt(0))) {
            String c = t.replace(",", "");
            if (c.matches("\\d+ 1/2")) {
                return c.substring(0, c.indexOf(' ')) + ".5";
            }
            if (c.matches("\\d+(\\.\\d+)?")) {
                return c.replaceAll("\\.0+$", "");
            }
            return null;
        }
        String direct = words == null ? null : words.lookup(t);
        if (direct != null) {
            return direct;
        }
        // compose word numbers: "twenty four", "one hundred fifty", "two and a half"
        long total = 0;
        long current = 0;
        boolean any = false;
        boolean half = false;
        for (String w : t.split(" ")) {
            if (w.equals("and")) {
                continue;
            }
            if (w.equals("half") || w.equals("a")) {
                half |= w.equals("half");
                continue;
            }
            String v = words == null ? null : words.lookup(w);
            if (v == null || !v.matches("\\d+")) {
                return null;
            }
            long n = Long.parseLong(v);
            if (n == 100) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (n >= 1000) {
                total += (current == 0 ? 1 : current) * n;
                current = 0;
            } else {
                current += n;
            }
            any = true;
        }
        if (!any) {
            return null;
        }
        long n = total + current;
        return half ? n + ".5" : String.valueOf(n);
    }

    /**
     * A year said in words, as spoken news reads it: "nineteen ninety-six" (1996), "twenty ten" (2010), "two
     * thousand" (2000), "two thousand and one" (2001). Null when the words are no year.
     */
    static String spokenYear(String s, Lexicon words) {
        String t = Lexicon.key(s);
        if (t.startsWith("two thousand")) {
            String rest = t.substring("two thousand".length()).trim();
            if (rest.startsWith("and ")) {
                rest = rest.substring("and ".length());
            }
            if (rest.isEmpty()) {
                return "2000";
            }
            String n = parse(rest, words);
            return n != null && n.matches("[1-9]|[1-9][0-9]") ? String.valueOf(2000 + Integer.parseInt(n)) : null;
        }
        int space = t.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String hundreds = parse(t.substring(0, space), words);
        String rest = parse(t.substring(space + 1), words);
        if (hundreds == null || rest == null || !hundreds.matches("1[0-9]|20") || !rest.matches("[1-9][0-9]")) {
            return null;
        }
        return hundreds + rest;
    }
}
