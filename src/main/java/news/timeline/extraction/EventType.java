package news.timeline.extraction;

import java.util.Locale;

/** The API's event types (aligned with CAMEO/PLOVER families, see {@code extraction/en/events/triggers.tsv}). */
public enum EventType {
    MEETING, VISIT, STATEMENT, AGREEMENT_SIGNED, AGREEMENT_OTHER, NEGOTIATION, ACCUSATION, THREAT, MILITARY_ACTION,
    ATTACK, SANCTION, AID, PROTEST, ELECTION, APPOINTMENT, RESIGNATION, ANNOUNCEMENT, REPORT, OTHER;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromApiName(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** Types whose mentions may describe one happening ("met", "the talks", "the summit"). */
    public String family() {
        return switch (this) {
            case MEETING, NEGOTIATION -> "encounter";
            case AGREEMENT_SIGNED, AGREEMENT_OTHER -> "agreement";
            case STATEMENT, ANNOUNCEMENT -> "statement";
            case ATTACK, MILITARY_ACTION -> "force";
            default -> name();
        };
    }
}
