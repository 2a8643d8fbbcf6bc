package news.timeline.extraction.text;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models, read once from the model jars on the classpath
 * ({@code opennlp-models-{sentdetect,tokenizer,pos}-en}, each holding one {@code .bin} at its root).
 * Models are thread-safe; the ME wrappers that use them are not, see {@link TextAnalyzer}.
 */
public final class LanguageModels {

    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final SentenceModel sentences;
    private final TokenizerModel tokens;
    private final POSModel pos;

    private LanguageModels() {
        try (InputStream s = open(SENTENCE_MODEL); InputStream t = open(TOKEN_MODEL); InputStream p = open(POS_MODEL)) {
            sentences = new SentenceModel(s);
            tokens = new TokenizerModel(t);
            pos = new POSModel(p);
        } catch (IOException e) {
            throw new IllegalStateException("OpenNLP models cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        static final LanguageModels ENGLISH = new LanguageModels();
    }

    public static LanguageModels english() {
        return Holder.ENGLISH;
    }

    private static InputStream open(String resource) {
        InputStream in = LanguageModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + ": OpenNLP model missing from the classpath");
        }
        return in;
    }

    SentenceModel sentences() {
        return sentences;
    }

    TokenizerModel tokens() {
        return tokens;
    }

    POSModel pos() {
        return pos;
    }
}
