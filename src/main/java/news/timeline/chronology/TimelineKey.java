package news.timeline.chronology;

import news.timeline.web.Cursor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The sort key of a chronological list: start day, precision rank (finer first), event id. Cursors carry it. */
record TimelineKey(LocalDate start, int rank, UUID id) {

    String encode(String kind, String scope) {
        return Cursor.encode(kind, scope, List.of(start.toString(), Integer.toString(rank), id.toString()));
    }

    /**
     * The key in {@code cursor}, or null without one; a cursor of another kind of list, of the same kind with other
     * actors or filters ({@code scope}), or a garbled one is a 400.
     */
    static TimelineKey decode(String kind, String scope, String cursor) {
        List<String> keys = Cursor.decode(kind, scope, cursor, 3);
        if (keys == null) {
            return null;
        }
        try {
            return new TimelineKey(LocalDate.parse(keys.get(0)), Integer.parseInt(keys.get(1)), UUID.fromString(keys.get(2)));
        } catch (RuntimeException e) {
            throw news.timeline.web.ApiProblem.invalid("cursor", "is not a cursor of this list; use the 'next' value of a previous page");
        }
    }
}
