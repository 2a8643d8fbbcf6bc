package news.timeline.extraction.text;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds the article text of a whole HTML page. The result is plain text with one paragraph per line; offsets of
 * facts extracted from a page point into this text (the page's markup has no stable character positions worth
 * keeping), and the extraction result carries the text so that clients can resolve them.
 */
public final class HtmlArticleText {

    private static final String NOISE = "script, style, noscript, template, iframe, svg, canvas, form, button, nav, footer, "
            + "header, aside, figure figcaption, figcaption, [role=navigation], [role=banner], [role=contentinfo], "
            + "[aria-hidden=true], .advert, .ad, .ads, .share, .social, .related, .newsletter, .cookie, .cookies, "
            + "#cookie-banner, .paywall, .subscribe, .byline, .author-bio, .comments, #comments, .breadcrumb";
    private static final List<String> BODY_CANDIDATES = List.of(
            "[itemprop=articleBody]", "article", "main", "[role=main]", ".article-body", ".article__body",
            ".story-body", ".post-content", ".entry-content", "#content");

    private HtmlArticleText() {
    }

    /** Title and body text of the page; never throws on malformed markup. */
    public static Page extract(String html) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        String title = "";
        Element h1 = doc.selectFirst("h1");
        if (h1 != null) {
            title = h1.text();
        } else if (doc.title() != null) {
            title = doc.title();
        }
        doc.select(NOISE).remove();
        Element body = bestBody(doc);
        StringBuilder sb = new StringBuilder();
        if (body != null) {
            appendBlocks(body, sb);
        }
        return new Page(title.strip(), sb.toString().strip());
    }

    public record Page(String title, String text) {
    }

    private static Element bestBody(Document doc) {
        for (String css : BODY_CANDIDATES) {
            Elements found = doc.select(css);
            Element best = null;
            int bestLen = 0;
            for (Element e : found) {
                int len = paragraphTextLength(e);
                if (len > bestLen) {
                    best = e;
                    bestLen = len;
                }
            }
            if (best != null && bestLen >= 200) {
                return best;
            }
        }
        // fall back to the element holding the most paragraph text directly
        Element best = doc.body();
        int bestLen = 0;
        for (Element p : doc.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int len = paragraphTextLength(parent);
            if (len > bestLen) {
                best = parent;
                bestLen = len;
            }
        }
        return best;
    }

    private static int paragraphTextLength(Element e) {
        int len = 0;
        for (Element p : e.select("p")) {
            len += p.text().length();
        }
        return len;
    }

    private static void appendBlocks(Element root, StringBuilder sb) {
        for (Node child : root.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.text().strip();
                if (!s.isEmpty()) {
                    sb.append(s).append(' ');
                }
            } else if (child instanceof Element e) {
                if (e.isBlock() || e.nameIs("br")) {
                    if (e.select("p, div, li, h1, h2, h3, h4, h5, h6, blockquote, section").isEmpty() || e.nameIs("p")) {
                        String s = e.text().strip();
                        if (!s.isEmpty()) {
                            endLine(sb);
                            sb.append(s);
                            endLine(sb);
                        }
                    } else {
                        endLine(sb);
                        appendBlocks(e, sb);
                        endLine(sb);
                    }
                } else {
                    String s = e.text().strip();
                    if (!s.isEmpty()) {
                        sb.append(s).append(' ');
                    }
                }
            }
        }
    }

    private static void endLine(StringBuilder sb) {
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(--len);
        }
        if (len > 0 && !(len >= 2 && sb.charAt(len - 1) == '\n' && sb.charAt(len - 2) == '\n')) {
            sb.append(len > 0 && sb.charAt(len - 1) == '\n' ? "\n" : "\n\n");
        }
    }
}
