package news.timeline.extraction;

import java.util.Locale;

/** Kinds of agreements. */
public enum AgreementKind {
    TREATY, ACCORD, AGREEMENT, DEAL, MEMORANDUM, CEASEFIRE, FRAMEWORK, DECLARATION, MERGER, OTHER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
