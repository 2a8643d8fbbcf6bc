package news.timeline.articles;

import news.timeline.web.ApiProblem;

/** Refuses what is not text: NUL bytes, replacement characters from a bad decode, or mostly control characters. */
final class TextChecks {

    private TextChecks() {
    }

    static void requireText(String field, String text) {
        int control = 0;
        int replacement = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw ApiProblem.invalid(field, "contains NUL characters: send text, not binary data");
            }
            if (c == '\uFFFD') {
                replacement++;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (n > 0 && (control + replacement) * 20 > n) {
            throw ApiProblem.invalid(field, "is not readable text (too many control or undecodable characters)");
        }
    }
}
