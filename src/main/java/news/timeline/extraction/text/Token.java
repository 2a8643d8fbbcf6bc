package news.timeline.extraction.text;

/**
 * A token: UTF-16 offsets into the analysed text, its surface and a normalized form (lower case, typographic
 * apostrophes and dashes folded) used for lexicon look-ups.
 */
public record Token(int start, int end, String text, String norm) {

    public boolean capitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    public boolean allCaps() {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
    }
}
