package news.timeline.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.timeline.chronology.ChronologyService;
import news.timeline.config.TimelineConfig;
import news.timeline.events.EventView;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends each subscription the event changes of the change log that match its filter, one POST per change, in log
 * order, at least once. A round takes one due subscription at a time under its row lock ({@code for update skip
 * locked}: replicas share the work, never a subscription), reads the changes after its position, and moves the
 * position past each change delivered (2xx) or not matching. A failed POST keeps the position, counts a failure and
 * waits (base delay doubled per failure, capped); after {@code max-failures} in a row the subscription is paused
 * until resumed. Deletions and merges go to the subscriptions that were sent the event. Changes younger than
 * {@code settle} wait a round: a transaction that took its sequence number earlier may still be committing.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    private static final int BATCH = 100;
    static final String SIGNATURE_HEADER = "X-Timeline-Signature";

    private final DataSource dataSource;
    private final ChronologyService chronology;
    private final Subscriptions subscriptions;
    private final ObjectMapper json;
    private final Clock clock;
    private final TimelineConfig.Subscriptions settings;
    private final HttpClient http;
    private ScheduledExecutorService timer;

    Deliveries(DataSource dataSource, ChronologyService chronology, Subscriptions subscriptions, ObjectMapper json, Clock clock,
               TimelineConfig config) {
        this.dataSource = dataSource;
        this.chronology = chronology;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.settings = config.subscriptions();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.deliver()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-webhooks");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void round() {
        try {
            // each due subscription once per round
            for (int i = 0; i < 1000 && serveOne(); i++) {
                // next
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "a webhook delivery round failed; the next round tries again");
        }
    }

    /** Serves the most overdue subscription; false when none is due (or all due ones are locked by another replica). */
    boolean serveOne() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Subscriptions.Row sub;
                try (PreparedStatement ps = c.prepareStatement("select " + Subscriptions.COLUMNS + " from subscriptions "
                        + "where state = 'active' and next_attempt_at <= ? order by next_attempt_at limit 1 for update skip locked")) {
                    ps.setObject(1, now());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        sub = Subscriptions.row(rs);
                    }
                }
                serve(c, sub);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook delivery failed on the database", e);
        }
    }

    private record Change(long seq, UUID id, String action, UUID mergedInto, Instant at) {
    }

    private void serve(Connection c, Subscriptions.Row sub) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, entity_id, action, merged_into, changed_at from changes "
                + "where seq > ? and entity = 'event' and changed_at < ? order by seq limit ?")) {
            ps.setLong(1, sub.afterSeq());
            ps.setObject(2, now().minus(settings.settle()));
            ps.setInt(3, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        long position = sub.afterSeq();
        long delivered = 0;
        String urlFault = changes.isEmpty() ? null : subscriptions.urls().fault(sub.callbackUrl());
        for (Change ch : changes) {
            Map<String, Object> payload = payload(c, sub, ch);
            if (payload == null) {
                position = ch.seq();
                continue;
            }
            String error = urlFault;
            Integer status = null;
            if (error == null) {
                byte[] body;
                try {
                    body = json.writeValueAsBytes(payload);
                } catch (IOException e) {
                    throw new IllegalStateException("a webhook payload could not be written", e);
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(sub.callbackUrl()))
                            .timeout(settings.timeout())
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "timeline-webhooks")
                            .header(SIGNATURE_HEADER, "sha256=" + sign(sub.secret(), body))
                            .header("X-Timeline-Subscription", sub.id().toString())
                            .header("X-Timeline-Delivery", Long.toString(ch.seq()))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                    status = r.statusCode();
                    if (status < 200 || status > 299) {
                        error = "the callback answered " + status;
                    }
                } catch (IOException e) {
                    error = "the callback could not be reached: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    error = "delivery was interrupted (the service is stopping)";
                }
            } else {
                error = "the callback URL " + error;
            }
            if (error != null) {
                failed(c, sub, position, delivered, status, error);
                return;
            }
            if (!"deleted".equals(ch.action()) && !"merged".equals(ch.action())) {
                remember(c, sub.id(), ch.id());
            }
            position = ch.seq();
            delivered++;
            succeeded(c, sub.id(), position, delivered, status);
        }
        try (PreparedStatement ps = c.prepareStatement("update subscriptions set after_seq = ?, failures = case when ? then failures else 0 end, "
                + "next_attempt_at = ? where id = ?")) {
            ps.setLong(1, position);
            ps.setBoolean(2, changes.isEmpty());
            // a full batch goes on at once; otherwise wait for the next round's news
            ps.setObject(3, changes.size() == BATCH ? now() : now().plus(settings.pollInterval()));
            ps.setObject(4, sub.id());
            ps.executeUpdate();
        }
    }

    /** What to send for a change, or null when it is not this subscription's. */
    private Map<String, Object> payload(Connection c, Subscriptions.Row sub, Change ch) throws SQLException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("subscription", sub.id());
        p.put("seq", ch.seq());
        p.put("action", ch.action());
        p.put("changedAt", ch.at());
        if (ch.action().equals("deleted") || ch.action().equals("merged")) {
            if (!sent(c, sub.id(), ch.id())) {
                return null;
            }
            p.put("id", ch.id());
            if (ch.mergedInto() != null) {
                p.put("mergedInto", ch.mergedInto());
            }
            return p;
        }
        // created or updated: the event as it is now; a later deletion or merge is a change of its own
        if (!matches(c, sub, ch.id()) && !sent(c, sub.id(), ch.id())) {
            return null;
        }
        List<EventView> found = chronology.events(List.of(ch.id()));
        if (found.isEmpty()) {
            return null;
        }
        p.put("event", found.get(0));
        return p;
    }

    private static boolean matches(Connection c, Subscriptions.Row sub, UUID event) throws SQLException {
        String sql = """
                select exists (select 1 from events e where e.id = ?
                  and e.status = any(?)
                  and (cardinality(?::text[]) = 0 or e.type = any(?::text[]))
                  and (cardinality(?::uuid[]) = 0 or exists (
                        select 1 from event_participants p where p.event_id = e.id
                          and (p.actor_id = any(?::uuid[]) or p.actor_id in
                               (select f.actor_id from actor_affiliations f where f.affiliated_to = any(?::uuid[])))))
                  and (cardinality(?::uuid[]) = 0 or exists (
                        select 1 from event_participants pa join event_participants pb
                          on pb.event_id = pa.event_id and pb.actor_id <> pa.actor_id
                        where pa.event_id = e.id
                          and (pa.actor_id = (?::uuid[])[1] or pa.actor_id in
                               (select f.actor_id from actor_affiliations f where f.affiliated_to = (?::uuid[])[1]))
                          and (pb.actor_id = (?::uuid[])[2] or pb.actor_id in
                               (select f.actor_id from actor_affiliations f where f.affiliated_to = (?::uuid[])[2])))))
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            var types = c.createArrayOf("text", sub.types().toArray());
            var actors = c.createArrayOf("uuid", sub.actors().toArray());
            var pair = c.createArrayOf("uuid", sub.pair().toArray());
            ps.setObject(1, event);
            ps.setArray(2, c.createArrayOf("text", sub.minStatus().equals("confirmed")
                    ? new String[] {"confirmed"} : new String[] {"extracted", "confirmed"}));
            ps.setArray(3, types);
            ps.setArray(4, types);
            ps.setArray(5, actors);
            ps.setArray(6, actors);
            ps.setArray(7, actors);
            for (int i = 8; i <= 12; i++) {
                ps.setArray(i, pair);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean sent(Connection c, UUID sub, UUID event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from subscription_events where subscription_id = ? and event_id = ?")) {
            ps.setObject(1, sub);
            ps.setObject(2, event);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void remember(Connection c, UUID sub, UUID event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into subscription_events (subscription_id, event_id) values (?, ?) "
                + "on conflict do nothing")) {
            ps.setObject(1, sub);
            ps.setObject(2, event);
            ps.executeUpdate();
        }
    }

    private void succeeded(Connection c, UUID sub, long position, long delivered, Integer status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update subscriptions set after_seq = ?, delivered = delivered + 1, "
                + "failures = 0, last_delivery_at = ?, last_status = ?, updated_at = ? where id = ?")) {
            ps.setLong(1, position);
            ps.setObject(2, now());
            ps.setObject(3, status);
            ps.setObject(4, now());
            ps.setObject(5, sub);
            ps.executeUpdate();
        }
    }

    private void failed(Connection c, Subscriptions.Row sub, long position, long delivered, Integer status, String error)
            throws SQLException {
        // failures were reset by this round's deliveries, if any
        int failures = (delivered > 0 ? 0 : sub.failures()) + 1;
        boolean pause = failures >= settings.maxFailures();
        long delayMillis = Math.min(settings.retryMax().toMillis(),
                settings.retryBase().toMillis() << Math.min(20, failures - 1));
        try (PreparedStatement ps = c.prepareStatement("update subscriptions set after_seq = ?, failures = ?, last_status = ?, "
                + "last_error = ?, state = ?, next_attempt_at = ?, updated_at = ? where id = ?")) {
            ps.setLong(1, position);
            ps.setInt(2, failures);
            ps.setObject(3, status);
            ps.setString(4, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setString(5, pause ? "paused" : "active");
            ps.setObject(6, now().plus(Duration.ofMillis(delayMillis)));
            ps.setObject(7, now());
            ps.setObject(8, sub.id());
            ps.executeUpdate();
        }
        if (pause) {
            LOG.warnf("webhook subscription %s paused after %d failed deliveries in a row: %s", sub.id(), failures, error);
        }
    }

    /** {@code hex(HMAC-SHA256(secret, body))}: what the {@value #SIGNATURE_HEADER} header carries after {@code sha256=}. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

}
