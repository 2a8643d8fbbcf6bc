package news.timeline.extraction;

import java.util.Locale;

/** The API's actor kinds. */
public enum ActorKind {
    PERSON, COUNTRY, ORGANIZATION, GROUP, OTHER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
