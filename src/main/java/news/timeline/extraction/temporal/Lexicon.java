package news.timeline.extraction.temporal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A {@code surface<TAB>value} table: matched case-insensitively, longest surface first. */
final class Lexicon {

    private final String name;
    private final Map<String, String> entries = new LinkedHashMap<>();

    Lexicon(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void put(String surface, String value) {
        entries.put(key(surface), value);
    }

    Map<String, String> entries() {
        return entries;
    }

    /** The value of a matched surface, or null. Case, inner spacing, hyphens and a final dot do not matter. */
    String lookup(String surface) {
        String k = key(surface);
        String v = entries.get(k);
        if (v == null && k.endsWith(".")) {
            v = entries.get(k.substring(0, k.length() - 1));
        }
        return v;
    }

    static String key(String surface) {
        return surface.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").trim();
    }

    /** A non-capturing alternation of all surfaces, longest first, spaces and hyphens interchangeable. */
    String regex() {
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        // a first-character guard lets the regex engine reject most positions without trying every surface
        java.util.TreeSet<Character> first = new java.util.TreeSet<>();
        for (String k : keys) {
            char c = k.charAt(0);
            first.add(Character.toLowerCase(c));
            first.add(Character.toUpperCase(c));
        }
        StringBuilder sb = new StringBuilder("(?=[");
        for (char c : first) {
            if (!Character.isLetterOrDigit(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append("])(?:");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            String[] words = keys.get(i).split(" ");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    sb.append("[\\s-]+");
                }
                sb.append(Pattern.quote(words[w]));
            }
        }
        return sb.append(')').toString();
    }
}
