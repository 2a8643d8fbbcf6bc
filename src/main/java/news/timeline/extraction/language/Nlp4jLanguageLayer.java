package news.timeline.extraction.language;

import edu.emory.mathcs.nlp.component.dep.DEPParser;
import edu.emory.mathcs.nlp.component.morph.MorphologicalAnalyzer;
import edu.emory.mathcs.nlp.component.ner.NERTagger;
import edu.emory.mathcs.nlp.component.pos.POSTagger;
import edu.emory.mathcs.nlp.component.template.NLPComponent;
import edu.emory.mathcs.nlp.component.template.OnlineComponent;
import edu.emory.mathcs.nlp.component.template.lexicon.GlobalLexica;
import edu.emory.mathcs.nlp.component.template.lexicon.GlobalLexicon;
import edu.emory.mathcs.nlp.component.template.node.NLPNode;
import edu.emory.mathcs.nlp.decode.DecodeConfig;
import edu.emory.mathcs.nlp.decode.NLPDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import news.timeline.extraction.text.LanguageLayer;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Token;

/**
 * The NLP4J 1.1.3 English models (Emory NLP, Apache 2.0): part-of-speech tags, lemmas, OntoNotes entities and a
 * CLEAR-style dependency parse of the tokens it is given. Loading reads ~260 MB of compressed models into a live set
 * of about 2 GB and takes ~45 s, so it happens once per JVM ({@link #shared()}); one decoder is thread-safe.
 *
 * <p>Traps this class guards against: too small a heap fails deep inside Java serialization with
 * {@code IllegalStateException: unread block data} rather than an OutOfMemoryError, so the heap is checked before
 * loading; a lexicon that cannot be read is silently skipped by NLP4J, so every lexicon and model is checked after.
 * Only String entry points are used (the byte and stream ones decode with the platform charset, which turns "Phạm"
 * into "Ph???m" under a POSIX locale); tokens are handed over as Strings, never re-tokenized.
 */
public final class Nlp4jLanguageLayer implements LanguageLayer {

    public static final String CONFIG = "/edu/emory/mathcs/nlp/configuration/config-decode-en.xml";
    public static final String ID = "nlp4j-en/1.1.3";

    /** The least -Xmx with which the models load (measured: 2176m loads, 2048m does not). */
    public static final long MIN_HEAP_BYTES = 2_100L << 20;
    /** What to tell the operator to set. */
    public static final String HEAP_ADVICE = "-Xmx2560m";

    /** Longest sentence handed to the parser; the rest of a longer one is left unparsed (its tokens tag as O). */
    static final int MAX_TOKENS = 400;

    private final NLPDecoder decoder;
    private final long loadMillis;

    private Nlp4jLanguageLayer(NLPDecoder decoder, long loadMillis) {
        this.decoder = decoder;
        this.loadMillis = loadMillis;
    }

    /**
     * Where the decoder outlives a {@code quarkus:dev} restart: the application's classes are loaded again after a
     * code change, NLP4J's are not (they come from a dependency jar), so the decoder kept in the system properties
     * is still of the right class and the models are not read again.
     */
    static final String KEPT = "nlp4j.dev.decoder";
    /** Set by {@code quarkus:dev} (pom.xml), outside the {@code timeline.} prefix, whose unknown keys fail the start: keep the decoder across restarts. Elsewhere a kept decoder would only pin memory. */
    static final String KEEP = "nlp4j.dev.keep";

    private static final class Holder {
        static final Nlp4jLanguageLayer ENGLISH = kept();
    }

    private static Nlp4jLanguageLayer kept() {
        boolean keep = Boolean.getBoolean(KEEP);
        Object kept = System.getProperties().get(KEPT);
        if (keep && kept instanceof NLPDecoder d) {
            return new Nlp4jLanguageLayer(d, 0);
        }
        Nlp4jLanguageLayer layer = load(() -> Runtime.getRuntime().maxMemory());
        if (keep) {
            System.getProperties().put(KEPT, layer.decoder);
        }
        return layer;
    }

    /** The models of this JVM, loaded on first use. */
    public static Nlp4jLanguageLayer shared() {
        return Holder.ENGLISH;
    }

    /** Loads the models, after checking that the heap can hold them. */
    static Nlp4jLanguageLayer load(LongSupplier maxHeap) {
        checkHeap(maxHeap.getAsLong());
        long t0 = System.nanoTime();
        NLPDecoder d;
        try (InputStream config = open(CONFIG)) {
            d = new NLPDecoder(new DecodeConfig(config));
        } catch (IOException e) {
            throw new IllegalStateException("NLP4J configuration " + CONFIG + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("NLP4J models failed to load (" + e.getMessage() + "); with a heap of "
                    + (maxHeap.getAsLong() >> 20) + " MB this is usually too little memory: start the JVM with " + HEAP_ADVICE, e);
        }
        verify(d);
        return new Nlp4jLanguageLayer(d, (System.nanoTime() - t0) / 1_000_000);
    }

    static void checkHeap(long maxHeap) {
        if (maxHeap < MIN_HEAP_BYTES) {
            throw new IllegalStateException("the NLP4J language models need about 2.1 GB of heap, this JVM has "
                    + (maxHeap >> 20) + " MB: start it with " + HEAP_ADVICE
                    + " (or set TIMELINE_EXTRACTION=off to run without extraction)");
        }
    }

    /** Every lexicon and model must be there: NLP4J skips a lexicon it cannot read without a word. */
    static void verify(NLPDecoder d) {
        List<String> missing = new ArrayList<>();
        boolean pos = false;
        boolean morph = false;
        boolean ner = false;
        boolean dep = false;
        boolean lexica = false;
        for (NLPComponent<NLPNode> c : d.getComponents()) {
            if (c instanceof GlobalLexica<?> g) {
                lexica = true;
                check(missing, "ambiguity classes", g.getAmbiguityClasses());
                check(missing, "word clusters", g.getWordClusters());
                check(missing, "word embeddings", g.getWordEmbeddings());
                check(missing, "named-entity gazetteers", g.getNamedEntityGazetteers());
            } else if (c instanceof POSTagger<?> p) {
                pos = model(p);
            } else if (c instanceof MorphologicalAnalyzer<?>) {
                morph = true;
            } else if (c instanceof NERTagger<?> n) {
                ner = model(n);
            } else if (c instanceof DEPParser<?> p) {
                dep = model(p);
            }
        }
        if (!lexica) {
            missing.add("lexica");
        }
        if (!pos) {
            missing.add("part-of-speech model");
        }
        if (!morph) {
            missing.add("lemmatizer");
        }
        if (!ner) {
            missing.add("named-entity model");
        }
        if (!dep) {
            missing.add("dependency model");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("NLP4J loaded without " + String.join(", ", missing)
                    + ": is edu.emory.mathcs.nlp:nlp4j-english:1.1.3 on the classpath, and the heap large enough ("
                    + HEAP_ADVICE + ")?");
        }
    }

    private static boolean model(OnlineComponent<?, ?> c) {
        return c.getOptimizer() != null && c.getFeatureTemplate() != null;
    }

    private static void check(List<String> missing, String what, GlobalLexicon<?> lexicon) {
        if (lexicon == null || lexicon.getLexicon() == null) {
            missing.add(what);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Nlp4jLanguageLayer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": NLP4J (edu.emory.mathcs.nlp:nlp4j-api) is missing from the classpath");
        }
        return in;
    }

    /** How long loading took, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }

    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Parse parse(List<Token> tokens) {
        int n = tokens.size();
        int m = Math.min(n, MAX_TOKENS);
        List<edu.emory.mathcs.nlp.component.tokenizer.token.Token> in = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Token t = tokens.get(i);
            in.add(new edu.emory.mathcs.nlp.component.tokenizer.token.Token(form(t.text()), t.start(), t.end()));
        }
        NLPNode[] nodes = decoder.toNodeArray(in);
        decoder.decode(nodes);
        String[] tags = new String[n];
        String[] lemmas = new String[n];
        String[] entities = new String[n];
        int[] heads = new int[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            if (i < m) {
                NLPNode node = nodes[i + 1]; // nodes[0] is the artificial root
                tags[i] = node.getPartOfSpeechTag();
                lemmas[i] = node.getLemma();
                entities[i] = node.getNamedEntityTag() == null ? "O" : node.getNamedEntityTag();
                NLPNode head = node.getDependencyHead();
                heads[i] = head == null ? -1 : head.getID() - 1;
                labels[i] = node.getDependencyLabel() == null ? "dep" : node.getDependencyLabel();
            } else {
                tags[i] = "XX";
                lemmas[i] = tokens.get(i).norm();
                entities[i] = "O";
                heads[i] = -1;
                labels[i] = "dep";
            }
        }
        return new Parse(tags, lemmas, entities, heads, labels);
    }

    /** The form the models were trained on: straight quotes and apostrophes, ASCII dashes. */
    static String form(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = switch (c) {
                case '\u2018', '\u2019', '\u02bc' -> '\'';
                case '\u201c', '\u201d' -> '"';
                case '\u2013', '\u2014' -> '-';
                default -> c;
            };
            if (r != c && sb == null) {
                sb = new StringBuilder(text);
            }
            if (sb != null) {
                sb.setCharAt(i, r);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
