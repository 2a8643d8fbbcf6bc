package news.timeline.articles;

/**
 * Converts Java string indices (UTF-16 units) to the API's offsets, which count Unicode code points. Texts without
 * surrogate pairs (most news) convert as the identity; others use a prefix table built once per text.
 */
final class TextOffsets {

    private final int[] codePointAt;

    TextOffsets(String text) {
        int n = text.length();
        boolean surrogates = false;
        for (int i = 0; i < n && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        if (!surrogates) {
            codePointAt = null;
            return;
        }
        int[] table = new int[n + 1];
        int cp = 0;
        for (int j = 0; j < n; j++) {
            table[j] = cp;
            boolean pairStart = Character.isHighSurrogate(text.charAt(j)) && j + 1 < n && Character.isLowSurrogate(text.charAt(j + 1));
            if (!pairStart) {
                cp++;
            }
        }
        table[n] = cp;
        codePointAt = table;
    }

    int toCodePoints(int utf16Index) {
        return codePointAt == null ? utf16Index : codePointAt[utf16Index];
    }
}
