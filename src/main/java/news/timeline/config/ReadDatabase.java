package news.timeline.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.List;

/**
 * Where the read side reads: the named datasource {@code read} ({@code TIMELINE_DB_READ_URL}, a streaming replica of
 * the primary) when it is configured, else the primary itself, so one server needs no setting. Chronologies, event
 * lists, the change feed and the export read here; every write, and every answer to a write, stays on the primary.
 * Quarkus leaves a named datasource without a URL inactive, so it opens no pool and has no health check then.
 */
@ApplicationScoped
public class ReadDatabase {

    private static final Logger LOG = Logger.getLogger(ReadDatabase.class);

    private final DataSource dataSource;
    private final boolean replica;

    ReadDatabase(AgroalDataSource primary, @io.quarkus.agroal.DataSource("read") InjectableInstance<AgroalDataSource> read) {
        List<AgroalDataSource> active = read.listActive();
        this.replica = !active.isEmpty();
        this.dataSource = replica ? active.get(0) : primary;
    }

    void onStart(@Observes StartupEvent event) {
        if (replica) {
            LOG.info("chronology, event list, change feed and export reads go to the read replica (TIMELINE_DB_READ_URL)");
        }
    }

    /** The datasource reads use. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether reads go to a replica of their own. */
    public boolean replica() {
        return replica;
    }
}
