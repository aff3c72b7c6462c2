package com.newsmell.recommendation.attribution;

import com.newsmell.toolkit.api.ApiConvention;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Reads the ledger's facts for attribution and the metrics, each viewer stitched through {@code viewer_session}: one
 * statement for the rows, one for the conversions (ADR 0012). Runs on the caller's session.
 */
@ApplicationScoped
public class LedgerRepository {

    private static final String COLUMNS = "f.id, f.recommendation_id, f.perfume_id,"
            + " coalesce(f.user_id, vs.user_id), f.anonymous_id, f.impression_time, f.source, f.algorithm,"
            + " f.algorithm_version, f.position, f.confidence, f.similarity_score, f.randomized, f.clicked,"
            + " f.click_time, f.thumbs_up, f.thumbs_down, f.hid_perfume, f.reported_irrelevant, f.report_reason,"
            + " f.feedback_time";
    private static final String FROM =
            " from recommendation_feedback f left join viewer_session vs on vs.session_id = f.anonymous_id";
    private static final String ROW_COLUMNS = "select " + COLUMNS + FROM;

    /**
     * Which impressions of which viewers to list: the users (their own rows and those of the sessions stitched to
     * them), an optional window [from, to) of impressionTime, an optional algorithm ({@code (unknown)}: none), after
     * the keyset position (afterTime, afterId) when given, at most {@code perUser} rows per user.
     */
    public record UserRows(
            List<String> userIds,
            Instant from,
            Instant to,
            String algorithm,
            Instant afterTime,
            Long afterId,
            int perUser) {}

    /**
     * The first {@code perUser} impressions of each user (in (impressionTime, id) order) that match: one statement
     * for any number of users (indexes (user_id, impression_time), (anonymous_id) and viewer_session (user_id)).
     */
    public Uni<List<LedgerRow>> ofUsers(UserRows q) {
        StringBuilder where = new StringBuilder(" where f.impression_time is not null and (f.user_id in (:users) or"
                + " (f.user_id is null and f.anonymous_id in (select v.session_id from viewer_session v where"
                + " v.user_id in (:users))))");
        if (q.from() != null) {
            where.append(" and f.impression_time >= cast(:from as timestamptz)");
        }
        if (q.to() != null) {
            where.append(" and f.impression_time < cast(:to as timestamptz)");
        }
        if (ApiConvention.UNKNOWN.equals(q.algorithm())) {
            where.append(" and f.algorithm is null");
        } else if (q.algorithm() != null) {
            where.append(" and f.algorithm = :algorithm");
        }
        if (q.afterTime() != null) {
            where.append(" and (f.impression_time > cast(:afterTime as timestamptz) or (f.impression_time ="
                    + " cast(:afterTime as timestamptz) and f.id > :afterId))");
        }
        String sql = "select * from (select " + COLUMNS + ", row_number() over (partition by coalesce(f.user_id,"
                + " vs.user_id) order by f.impression_time, f.id) as n" + FROM + where
                + ") x where x.n <= :perUser order by x.impression_time, x.id";
        return Panache.getSession()
                .chain(s -> {
                    var query = s.createNativeQuery(sql, Object[].class)
                            .setParameter("users", q.userIds())
                            .setParameter("perUser", q.perUser());
                    if (q.from() != null) {
                        query.setParameter("from", utc(q.from()));
                    }
                    if (q.to() != null) {
                        query.setParameter("to", utc(q.to()));
                    }
                    if (q.algorithm() != null && !ApiConvention.UNKNOWN.equals(q.algorithm())) {
                        query.setParameter("algorithm", q.algorithm());
                    }
                    if (q.afterTime() != null) {
                        query.setParameter("afterTime", utc(q.afterTime())).setParameter("afterId", q.afterId());
                    }
                    return query.getResultList();
                })
                .map(LedgerRepository::toRows);
    }

    /** The rows whose impression is in [from, to) (index (impression_time, id)). */
    public Uni<List<LedgerRow>> impressions(Instant from, Instant to) {
        return rows(
                ROW_COLUMNS + " where f.impression_time >= cast(:from as timestamptz) and f.impression_time <"
                        + " cast(:to as timestamptz) order by f.impression_time, f.id",
                from,
                to,
                null);
    }

    /** The rows of these perfumes whose impression is in [from, to) (index (perfume_id, impression_time)). */
    public Uni<List<LedgerRow>> impressionsOf(List<String> perfumeIds, Instant from, Instant to) {
        return rows(
                ROW_COLUMNS + " where f.perfume_id in (:perfumes) and f.impression_time >= cast(:from as"
                        + " timestamptz) and f.impression_time < cast(:to as timestamptz) order by f.impression_time,"
                        + " f.id",
                from,
                to,
                perfumeIds);
    }

    /** Every row of one recommendation, with or without its impression. */
    public Uni<List<LedgerRow>> recommendation(String recommendationId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                ROW_COLUMNS + " where f.recommendation_id = :rec order by f.id", Object[].class)
                        .setParameter("rec", recommendationId)
                        .getResultList())
                .map(LedgerRepository::toRows);
    }

    /** Clicked rows whose impression never arrived, by their first click in [from, to). */
    public Uni<List<LedgerRow>> clicksWithoutImpression(Instant from, Instant to) {
        return rows(
                ROW_COLUMNS + " where f.impression_time is null and f.clicked and f.click_time >= cast(:from as"
                        + " timestamptz) and f.click_time < cast(:to as timestamptz) order by f.click_time, f.id",
                from,
                to,
                null);
    }

    /**
     * The conversions in [from, to) of the perfumes that had an impression in [impressionsFrom, impressionsTo): the
     * only ones attribution can credit to those impressions.
     */
    public Uni<List<ConversionFact>> conversions(
            Instant from, Instant to, Instant impressionsFrom, Instant impressionsTo) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select c.event_id, c.kind, c.perfume_id, coalesce(c.user_id, vs.user_id),"
                                        + " c.session_id, c.recommendation_id, c.occurred_at, c.rating"
                                        + " from recommendation_conversion c left join viewer_session vs on"
                                        + " vs.session_id = c.session_id where c.occurred_at >= cast(:from as"
                                        + " timestamptz) and c.occurred_at < cast(:to as timestamptz) and"
                                        + " c.perfume_id in (select f.perfume_id from recommendation_feedback f where"
                                        + " f.impression_time >= cast(:ifrom as timestamptz) and f.impression_time <"
                                        + " cast(:ito as timestamptz))",
                                Object[].class)
                        .setParameter("from", utc(from))
                        .setParameter("to", utc(to))
                        .setParameter("ifrom", utc(impressionsFrom))
                        .setParameter("ito", utc(impressionsTo))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new ConversionFact(
                                r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                (String) r[4],
                                (String) r[5],
                                instant(r[6]),
                                r[7] == null ? null : ((Number) r[7]).doubleValue()))
                        .toList());
    }

    private static Uni<List<LedgerRow>> rows(String sql, Instant from, Instant to, List<String> perfumes) {
        return Panache.getSession()
                .chain(s -> {
                    var q = s.createNativeQuery(sql, Object[].class)
                            .setParameter("from", utc(from))
                            .setParameter("to", utc(to));
                    if (perfumes != null) {
                        q.setParameter("perfumes", perfumes);
                    }
                    return q.getResultList();
                })
                .map(LedgerRepository::toRows);
    }

    private static List<LedgerRow> toRows(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new LedgerRow(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        instant(r[5]),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        r[9] == null ? null : ((Number) r[9]).intValue(),
                        r[10] == null ? null : ((Number) r[10]).doubleValue(),
                        r[11] == null ? null : ((Number) r[11]).doubleValue(),
                        (Boolean) r[12],
                        (Boolean) r[13],
                        instant(r[14]),
                        (Boolean) r[15],
                        (Boolean) r[16],
                        (Boolean) r[17],
                        (Boolean) r[18],
                        (String) r[19],
                        instant(r[20])))
                .toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamptz column's value as the reactive client returns it, as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
