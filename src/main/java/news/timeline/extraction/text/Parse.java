package news.timeline.extraction.text;

/**
 * The statistical analysis of one sentence, aligned with its tokens: Penn Treebank part-of-speech tags, lemmas,
 * OntoNotes named-entity tags in BILOU form ({@code B-PERSON}, {@code U-GPE}, {@code O}), and a dependency tree in
 * CLEAR style (head index into the sentence's tokens, {@code -1} for the root; labels {@code nsubj},
 * {@code nsubjpass}, {@code dobj}, {@code agent}, {@code prep}, {@code pobj}, {@code ccomp}, ...).
 */
public record Parse(String[] tags, String[] lemmas, String[] entities, int[] heads, String[] labels) {

    public static final Parse EMPTY = new Parse(new String[0], new String[0], new String[0], new int[0], new String[0]);

    public int size() {
        return tags.length;
    }

    public String tag(int i) {
        return tags[i];
    }

    public String lemma(int i) {
        return lemmas[i];
    }

    /** The entity type of token {@code i} ({@code PERSON}, {@code ORG}, {@code GPE} ...) or null outside entities. */
    public String entityType(int i) {
        String e = entities[i];
        return e == null || e.length() < 3 || e.charAt(1) != '-' ? null : e.substring(2);
    }

    /** True when token {@code i} begins an entity span (B- or U-). */
    public boolean entityStart(int i) {
        String e = entities[i];
        return e != null && (e.startsWith("B-") || e.startsWith("U-"));
    }

    /** End (exclusive) of the entity span starting at {@code i}. */
    public int entityEnd(int i) {
        if (entities[i].startsWith("U-")) {
            return i + 1;
        }
        int j = i + 1;
        while (j < entities.length && (entities[j].startsWith("I-") || entities[j].startsWith("L-"))) {
            j++;
            if (entities[j - 1].startsWith("L-")) {
                break;
            }
        }
        return j;
    }

    public int head(int i) {
        return heads[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public boolean verb(int i) {
        return tags[i].startsWith("VB");
    }

    /** The dependents of token {@code i}, in sentence order. */
    public java.util.List<Integer> dependents(int i) {
        java.util.List<Integer> out = new java.util.ArrayList<>(4);
        for (int k = 0; k < heads.length; k++) {
            if (heads[k] == i) {
                out.add(k);
            }
        }
        return out;
    }

    /** The first dependent of {@code i} with one of these labels, or -1. */
    public int dependent(int i, java.util.Set<String> wanted) {
        for (int k = 0; k < heads.length; k++) {
            if (heads[k] == i && wanted.contains(labels[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Is {@code node} inside the subtree of {@code root} (itself included)? */
    public boolean dominates(int root, int node) {
        int guard = heads.length;
        for (int k = node; k >= 0 && guard-- >= 0; k = heads[k]) {
            if (k == root) {
                return true;
            }
        }
        return false;
    }
}
