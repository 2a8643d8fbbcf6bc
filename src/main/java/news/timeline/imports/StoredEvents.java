package news.timeline.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events as stored, read back into {@link EventContent} to compare with a record that refers to them by id. */
final class StoredEvents {

    record Stored(String recordHash, EventContent content) {
    }

    private StoredEvents() {
    }

    /** The events of {@code ids} as stored; with {@code withoutExternalIdOnly}, only those no import created. */
    static Map<UUID, Stored> load(Connection c, Set<UUID> ids, boolean withoutExternalIdOnly) throws SQLException {
        Map<UUID, Stored> out = new HashMap<>();
        java.sql.Array array = c.createArrayOf("uuid", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement("select id, type, title, summary, date_value, date_precision, date_start, "
                + "date_end, date_approximate, end_value, end_precision, end_start, end_end, end_approximate, place_name, "
                + "confidence, status, agreement_id, record_hash from events where id = any(?)"
                + (withoutExternalIdOnly ? " and external_id is null" : ""))) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventContent content = new EventContent(rs.getString(2), rs.getString(3), rs.getString(4),
                            BulkEventWriter.date(rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                                    rs.getObject(8, LocalDate.class), rs.getBoolean(9)),
                            BulkEventWriter.date(rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
                                    rs.getObject(13, LocalDate.class), (Boolean) rs.getObject(14)),
                            rs.getString(15), rs.getFloat(16), rs.getString(17), rs.getObject(18, UUID.class),
                            new ArrayList<>(), new ArrayList<>());
                    out.put(rs.getObject(1, UUID.class), new Stored(rs.getString(19), content));
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select event_id, actor_id, role from event_participants where event_id = any(?)")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = out.get(rs.getObject(1, UUID.class));
                    if (s != null) {
                        s.content().participants().add(new EventContent.Participant(rs.getObject(2, UUID.class), rs.getString(3)));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select event_id, article_id, url, quote, start_offset, end_offset, rule_id, "
                + "extractor_version from event_sources where event_id = any(?)")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = out.get(rs.getObject(1, UUID.class));
                    if (s != null) {
                        s.content().sources().add(new ImportRecord.Source(rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
        }
        return out;
    }
}
