package com.newsmell.recommendation.attribution;

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

    private static final String ROW_COLUMNS = "select f.id, f.recommendation_id, f.perfume_id,"
            + " coalesce(f.user_id, vs.user_id), f.anonymous_id, f.impression_time, f.source, f.algorithm,"
            + " f.algorithm_version, f.position, f.confidence, f.similarity_score, f.randomized, f.clicked,"
            + " f.click_time, f.thumbs_up, f.thumbs_down, f.hid_perfume, f.reported_irrelevant, f.report_reason,"
            + " f.feedback_time from recommendation_feedback f left join viewer_session vs on vs.session_id ="
            + " f.anonymous_id";

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

    static Instant instant(Object value) {
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
