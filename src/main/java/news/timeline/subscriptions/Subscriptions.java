package news.timeline.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import news.timeline.chronology.ChronologyService;
import news.timeline.config.TimelineConfig;
import news.timeline.web.ApiProblem;
import news.timeline.web.QueryValues;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions: validation, creation, reading with their delivery state, pause, resume and removal. Their rows are
 * this feature's own (plain JDBC, as the delivery worker reads them under row locks); actors and events are reached
 * through the read side's service.
 */
@ApplicationScoped
public class Subscriptions {

    static final Set<String> EVENT_TYPES = Set.of("meeting", "visit", "statement", "agreement_signed", "agreement_other",
            "negotiation", "accusation", "threat", "military_action", "attack", "sanction", "aid", "protest",
            "election", "appointment", "resignation", "announcement", "report", "other");
    static final String COLUMNS = "id, callback_url, secret, actors, pair, types, min_status, state, after_seq, failures, "
            + "next_attempt_at, delivered, last_delivery_at, last_status, last_error, created_at";

    /** A subscription row. */
    record Row(UUID id, String callbackUrl, String secret, List<UUID> actors, List<UUID> pair, List<String> types,
               String minStatus, String state, long afterSeq, int failures, Instant nextAttemptAt, long delivered,
               Instant lastDeliveryAt, Integer lastStatus, String lastError, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final ChronologyService chronology;
    private final CallbackUrls urls;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Subscriptions(DataSource dataSource, ChronologyService chronology, TimelineConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.chronology = chronology;
        this.urls = CallbackUrls.of(config.subscriptions().allowedNetworks().orElse(List.of()));
        this.clock = clock;
    }

    CallbackUrls urls() {
        return urls;
    }

    /** Validates and stores a subscription that starts after the change log's current end; answers it with its secret. */
    public SubscriptionView create(SubscriptionInput input) {
        if (input == null) {
            throw ApiProblem.invalid("callbackUrl", "is required: the http(s) URL to POST events to");
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String fault = urls.fault(input.callbackUrl());
        if (fault != null) {
            errors.add(new ApiProblem.FieldError("callbackUrl", fault));
        }
        SubscriptionInput.Filter f = input.filter() == null ? new SubscriptionInput.Filter(null, null, null, null) : input.filter();
        List<UUID> actors = actorIds("filter.actors", f.actors(), errors);
        List<UUID> pair = actorIds("filter.pair", f.pair(), errors);
        if (!pair.isEmpty() && (pair.size() != 2 || pair.get(0).equals(pair.get(1)))) {
            errors.add(new ApiProblem.FieldError("filter.pair", "must name two different actors"));
        }
        List<String> types = new ArrayList<>();
        for (String t : f.types() == null ? List.<String>of() : f.types()) {
            if (t == null || !EVENT_TYPES.contains(t.trim())) {
                errors.add(new ApiProblem.FieldError("filter.types", "unknown value " + QueryValues.quoted(String.valueOf(t))
                        + "; expected one of " + String.join(", ", EVENT_TYPES.stream().sorted().toList())));
            } else if (!types.contains(t.trim())) {
                types.add(t.trim());
            }
        }
        String minStatus = f.minStatus() == null ? "extracted" : f.minStatus().trim();
        if (!minStatus.equals("extracted") && !minStatus.equals("confirmed")) {
            errors.add(new ApiProblem.FieldError("filter.minStatus", "must be extracted or confirmed"));
        }
        String secret = input.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            errors.add(new ApiProblem.FieldError("secret", "must be 16 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (secret == null) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into subscriptions (id, callback_url, secret, actors, pair, types, "
                     + "min_status, state, after_seq, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'active', "
                     + "(select coalesce(max(seq), 0) from changes), ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, input.callbackUrl().trim());
            ps.setString(3, secret);
            ps.setArray(4, c.createArrayOf("uuid", actors.toArray()));
            ps.setArray(5, c.createArrayOf("uuid", pair.toArray()));
            ps.setArray(6, c.createArrayOf("text", types.toArray()));
            ps.setString(7, minStatus);
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.setObject(10, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a subscription failed", e);
        }
        return get(id).withSecret(secret);
    }

    /** A subscription with its delivery state and lag; 404 when there is none. */
    public SubscriptionView get(UUID id) {
        Row r = row(id);
        return view(r);
    }

    /** Every subscription, oldest first (at most 1,000). */
    public List<SubscriptionView> list() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from subscriptions order by created_at, id limit 1000");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading subscriptions failed", e);
        }
        return rows.stream().map(this::view).toList();
    }

    /** Pauses or resumes; resuming clears the failures and tries at once, from where delivery stopped. */
    public SubscriptionView setState(UUID id, boolean active) {
        row(id);
        String sql = active
                ? "update subscriptions set state = 'active', failures = 0, next_attempt_at = ?, updated_at = ? where id = ?"
                : "update subscriptions set state = 'paused', updated_at = ? , next_attempt_at = ? where id = ?";
        OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now);
            ps.setObject(2, now);
            ps.setObject(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("changing a subscription failed", e);
        }
        return get(id);
    }

    public void delete(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("delete from subscriptions where id = ?")) {
            ps.setObject(1, id);
            if (ps.executeUpdate() == 0) {
                throw ApiProblem.notFound("subscription", id.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("deleting a subscription failed", e);
        }
    }

    private Row row(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from subscriptions where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiProblem.notFound("subscription", id.toString());
                }
                return row(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a subscription failed", e);
        }
    }

    private SubscriptionView view(Row r) {
        SubscriptionView.Lag lag;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*), min(changed_at) from changes where entity = 'event' and seq > ?")) {
            ps.setLong(1, r.afterSeq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                lag = new SubscriptionView.Lag(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a subscription's lag failed", e);
        }
        SubscriptionView.Filter filter = new SubscriptionView.Filter(chronology.actors(r.actors()), chronology.actors(r.pair()),
                r.types(), r.minStatus());
        return new SubscriptionView(r.id(), r.callbackUrl(), filter, r.state(), r.afterSeq(), r.delivered(), r.failures(),
                r.lastDeliveryAt(), r.lastStatus(), r.lastError(), r.nextAttemptAt(), lag, r.createdAt(), null);
    }

    private List<UUID> actorIds(String field, List<String> refs, List<ApiProblem.FieldError> errors) {
        Set<UUID> out = new LinkedHashSet<>();
        for (String ref : refs == null ? List.<String>of() : refs) {
            if (ref == null || ref.isBlank()) {
                errors.add(new ApiProblem.FieldError(field, "holds an empty actor reference"));
                continue;
            }
            chronology.findActor(ref).ifPresentOrElse(a -> out.add(a.id()),
                    () -> errors.add(new ApiProblem.FieldError(field, "no actor " + QueryValues.quoted(ref.length() > 80 ? ref.substring(0, 77) + "..." : ref))));
        }
        return new ArrayList<>(out);
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), uuids(rs.getArray(4)), uuids(rs.getArray(5)),
                strings(rs.getArray(6)), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getInt(10), instant(rs, 11),
                rs.getLong(12), instant(rs, 13), (Integer) rs.getObject(14), rs.getString(15), instant(rs, 16));
    }

    private static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : List.of((UUID[]) a.getArray());
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
