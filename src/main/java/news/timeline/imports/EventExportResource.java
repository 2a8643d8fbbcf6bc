package news.timeline.imports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import news.timeline.config.ReadDatabase;
import org.jboss.resteasy.reactive.RestQuery;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Every event as NDJSON, in exactly the shape {@code POST /api/v1/imports/events} reads, so an export re-imports as
 * {@code unchanged}. Streamed from a database cursor: memory does not grow with the number of events. Events that
 * never had an external id carry their own id as externalId, which the import matches back to them.
 */
@Path("/api/v1/exports")
@Tag(name = "imports")
public class EventExportResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String SQL = "select e.id, e.type, e.title, e.summary, e.date_value, e.date_precision, e.date_start, "
            + "e.date_end, e.date_approximate, e.end_value, e.end_precision, e.end_start, e.end_end, e.end_approximate, "
            + "e.place_name, e.confidence, e.status, e.agreement_id, ag.name, e.external_source, e.external_id, "
            + "(select json_agg(json_build_object('actor', json_build_object('id', a.id, 'slug', a.slug, 'name', a.name, "
            + "'kind', a.kind), 'role', p.role) order by p.actor_id) from event_participants p join actors a on a.id = p.actor_id "
            + "where p.event_id = e.id), "
            + "(select json_agg(json_build_object('articleId', s.article_id, 'url', s.url, 'quote', s.quote, 'start', "
            + "s.start_offset, 'end', s.end_offset, 'ruleId', s.rule_id, 'extractorVersion', s.extractor_version) "
            + "order by s.created_at, s.start_offset, s.id) from event_sources s where s.event_id = e.id) "
            + "from events e left join agreements ag on ag.id = e.agreement_id "
            + "where (cast(? as varchar) is null or e.external_source = ?) order by e.id";

    private final DataSource dataSource;
    private final ObjectMapper json;

    /** Reads from the read replica when one is configured ({@link ReadDatabase}). */
    EventExportResource(ReadDatabase reads, ObjectMapper json) {
        this.dataSource = reads.dataSource();
        this.json = json;
    }

    @GET
    @Path("/events.ndjson")
    @Produces(NDJSON)
    @Operation(summary = "Export events as NDJSON that re-imports",
            description = "One event per line in the import shape (with externalId and externalSource); POST it to "
                    + "/api/v1/imports/events and every record answers unchanged.")
    public Response events(@Parameter(description = "only events imported from this external source") @RestQuery String source) {
        StreamingOutput body = out -> write(out, source);
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=\"events.ndjson\"").build();
    }

    private void write(OutputStream out, String source) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not the whole result in memory
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setFetchSize(1000);
                ps.setString(1, source);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery();
                     JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    g.setRootValueSeparator(null);
                    while (rs.next()) {
                        line(g, rs);
                        g.writeRaw('\n');
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("export failed", e));
        }
    }

    private static void line(JsonGenerator g, ResultSet rs) throws IOException, SQLException {
        g.writeStartObject();
        String id = rs.getString(1);
        String externalSource = rs.getString(20);
        String externalId = rs.getString(21);
        g.writeStringField("id", id);
        if (externalId != null) {
            g.writeStringField("externalSource", externalSource);
            g.writeStringField("externalId", externalId);
        } else {
            g.writeStringField("externalId", id);
        }
        g.writeStringField("type", rs.getString(2));
        g.writeStringField("title", rs.getString(3));
        if (rs.getString(4) != null) {
            g.writeStringField("summary", rs.getString(4));
        }
        date(g, "date", rs, 5);
        date(g, "endDate", rs, 10);
        if (rs.getString(15) != null) {
            g.writeObjectFieldStart("place");
            g.writeStringField("name", rs.getString(15));
            g.writeEndObject();
        }
        g.writeFieldName("confidence");
        g.writeNumber(rs.getFloat(16));
        g.writeStringField("status", rs.getString(17));
        if (rs.getString(18) != null) {
            g.writeObjectFieldStart("agreement");
            g.writeStringField("id", rs.getString(18));
            g.writeStringField("name", rs.getString(19));
            g.writeEndObject();
        }
        String participants = rs.getString(22);
        g.writeFieldName("participants");
        g.writeRawValue(participants == null ? "[]" : participants);
        String sources = rs.getString(23);
        g.writeFieldName("sources");
        g.writeRawValue(sources == null ? "[]" : sources);
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String field, ResultSet rs, int col) throws IOException, SQLException {
        if (rs.getString(col) == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("value", rs.getString(col));
        if (news.timeline.web.HistoricDates.OPEN_VALUE.equals(rs.getString(col))) {
            g.writeBooleanField("open", true);
            g.writeEndObject();
            return;
        }
        g.writeStringField("precision", rs.getString(col + 1));
        // the ISO form (-0044-03-15), not PostgreSQL's text (0045-03-15 BC)
        g.writeStringField("start", rs.getObject(col + 2, java.time.LocalDate.class).toString());
        g.writeStringField("end", rs.getObject(col + 3, java.time.LocalDate.class).toString());
        g.writeBooleanField("approximate", rs.getBoolean(col + 4));
        g.writeEndObject();
    }
}
