package news.timeline.extraction;

import java.util.List;
import news.timeline.extraction.language.Nlp4jLanguageLayer;
import news.timeline.extraction.text.AnalyzedText;
import news.timeline.extraction.text.Parse;
import news.timeline.extraction.text.Sentence;
import news.timeline.extraction.text.TextAnalyzer;
import news.timeline.extraction.text.TextCleaner;
import news.timeline.extraction.text.Token;

/**
 * Prints the language layer's reading of each sentence given as an argument (token, tag, lemma, entity, head, label):
 * a tool for writing rules over the parse, run with {@code exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=news.timeline.extraction.ParseDump -Dexec.args="'A friend of Rabin said Friday.'"}.
 */
public final class ParseDump {
    private ParseDump() {
    }

    public static void main(String[] args) {
        TextCleaner cleaner = TextCleaner.english();
        TextAnalyzer analyzer = TextAnalyzer.english();
        Nlp4jLanguageLayer layer = Nlp4jLanguageLayer.shared();
        for (String text : args) {
            AnalyzedText analyzed = analyzer.analyze(cleaner.clean(text));
            layer.annotate(analyzed);
            for (Sentence s : analyzed.sentences()) {
                System.out.println("== " + text.substring(s.start(), s.end()));
                Parse p = s.parse();
                List<Token> toks = s.tokens();
                for (int i = 0; i < toks.size(); i++) {
                    System.out.printf("%3d %-18s %-5s %-14s %-8s %3d %s%n", i, toks.get(i).text(),
                            p.size() > i ? p.tag(i) : "", p.size() > i ? p.lemma(i) : "",
                            p.size() > i ? p.entityType(i) : "", p.size() > i ? p.head(i) : -1, p.size() > i ? p.label(i) : "");
                }
            }
        }
    }
}
