package news.timeline.extraction.temporal;

/**
 * An example a rule carries: a text with the expected expression marked {@code [[...]]}, the reference date,
 * and the expected type, value and modifier (null when none). A null type expects no expression (blocking rules).
 */
record RuleExample(String ruleId, String source, String reference, String text, int start, int end,
                   TimexType type, String value, String mod) {

    static RuleExample parse(String ruleId, String source, String spec) {
        // reference | text with [[span]] | TYPE VALUE [MOD]
        String[] parts = spec.split("\\s+\\|\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("example needs 'reference | text with [[span]] | TYPE VALUE [MOD]'");
        }
        String marked = parts[1];
        int open = marked.indexOf("[[");
        int close = marked.indexOf("]]");
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("example text must mark the expression with [[...]]");
        }
        String text = marked.substring(0, open) + marked.substring(open + 2, close) + marked.substring(close + 2);
        String[] exp = parts[2].trim().split("\\s+");
        if (exp.length < 2 || exp.length > 3) {
            throw new IllegalArgumentException("expected 'TYPE VALUE [MOD]', got '" + parts[2] + "'");
        }
        ReferenceTime.parse(parts[0]);
        return new RuleExample(ruleId, source, parts[0].trim(), text, open, close - 2,
                exp[0].equals("NONE") ? null : TimexType.valueOf(exp[0]), exp[1], exp.length == 3 ? exp[2] : null);
    }

    @Override
    public String toString() {
        return ruleId + ": " + text.substring(start, end);
    }
}
