package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.recommendation.feedback.FactsRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily rollup's tables: recommendation_daily_metrics (cells), recommendation_daily_status (one row per day) and
 * the dirty days. Runs on the caller's session and transaction.
 */
@ApplicationScoped
public class RollupRepository {

    static final String[] COLUMNS = {
        "impressions",
        "clicks",
        "timed_clicks",
        "time_to_click_ms_sum",
        "views",
        "wishlist_adds",
        "collection_adds",
        "ratings",
        "purchases",
        "conversions",
        "thumbs_up",
        "thumbs_down",
        "hides",
        "reports",
        "randomized_impressions",
        "randomized_clicks",
        "coverage"
    };

    /** A day's status row. */
    public record DayStatus(
            LocalDate day,
            boolean provisional,
            Instant finalAfter,
            int revision,
            Instant computedAt,
            long impressions) {}

    static long[] values(Counts c) {
        return new long[] {
            c.impressions,
            c.clicks,
            c.timedClicks,
            c.timeToClickMsSum,
            c.views,
            c.wishlistAdds,
            c.collectionAdds,
            c.ratings,
            c.purchases,
            c.conversions,
            c.thumbsUp,
            c.thumbsDown,
            c.hides,
            c.reports,
            c.randomizedImpressions,
            c.randomizedClicks,
            c.coverage()
        };
    }

    static Counts counts(long[] v) {
        Counts c = new Counts();
        c.impressions = v[0];
        c.clicks = v[1];
        c.timedClicks = v[2];
        c.timeToClickMsSum = v[3];
        c.views = v[4];
        c.wishlistAdds = v[5];
        c.collectionAdds = v[6];
        c.ratings = v[7];
        c.purchases = v[8];
        c.conversions = v[9];
        c.thumbsUp = v[10];
        c.thumbsDown = v[11];
        c.hides = v[12];
        c.reports = v[13];
        c.randomizedImpressions = v[14];
        c.randomizedClicks = v[15];
        c.storedCoverage = v[16];
        return c;
    }

    /** The marked days before {@code before}: the days whose rollup must be computed again. */
    public Uni<List<LocalDate>> dirtyDays(LocalDate before) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(day as text) from recommendation_dirty_day where day < cast(:before as"
                                        + " date) order by day",
                                String.class)
                        .setParameter("before", before)
                        .getResultList())
                .map(days -> days.stream().map(LocalDate::parse).toList());
    }

    /** The provisional days whose attribution window has passed at {@code clock}: they become final. */
    public Uni<List<LocalDate>> due(Instant clock) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(day as text) from recommendation_daily_status where provisional and"
                                        + " final_after <= cast(:clock as timestamptz) order by day",
                                String.class)
                        .setParameter("clock", clock.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(days -> days.stream().map(LocalDate::parse).toList());
    }

    /**
     * Takes the day's advisory lock exclusively (it waits for every consumer transaction that marked the day to
     * commit; FactsRepository.markDirty takes it shared), then removes the day's mark, in the transaction that
     * recomputes the day: a mark made after this waits for the transaction, then stays for the next run.
     */
    public Uni<Integer> unmark(LocalDate day) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select 1 from (select pg_advisory_xact_lock(" + FactsRepository.DIRTY_DAY_LOCK
                                        + ", cast(:day as date) - date '2000-01-01')) l",
                                Integer.class)
                        .setParameter("day", day)
                        .getResultList()
                        .chain(() -> s.createNativeQuery(
                                        "delete from recommendation_dirty_day where day = cast(:day as date)")
                                .setParameter("day", day)
                                .executeUpdate()));
    }

    /** A day's status, or null. */
    public Uni<DayStatus> status(LocalDate day) {
        return statuses(day, day.plusDays(1)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** The statuses of the days in [from, to). */
    public Uni<List<DayStatus>> statuses(LocalDate from, LocalDate to) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(day as text), provisional, final_after, revision, computed_at,"
                                        + " impressions, digest from recommendation_daily_status where day >="
                                        + " cast(:from as date) and day < cast(:to as date) order by day",
                                Object[].class)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new DayStatus(
                                LocalDate.parse((String) r[0]),
                                (Boolean) r[1],
                                instant(r[2]),
                                ((Number) r[3]).intValue(),
                                instant(r[4]),
                                ((Number) r[5]).longValue()))
                        .toList());
    }

    /** A day's stored digest, or null. */
    public Uni<String> digest(LocalDate day) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select digest from recommendation_daily_status where day = cast(:day as date)",
                                String.class)
                        .setParameter("day", day)
                        .getResultList())
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    /**
     * Replaces a day's cells and upserts its status: one delete, one insert, one upsert. The revision goes up when
     * the digest changed.
     */
    public Uni<Void> replace(
            LocalDate day,
            Map<DailyRollup.Key, Counts> cells,
            String digest,
            boolean provisional,
            Instant finalAfter,
            Instant now) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        long impressions = 0;
        for (Map.Entry<DailyRollup.Key, Counts> e : cells.entrySet()) {
            ObjectNode row = rows.addObject()
                    .put("algorithm", e.getKey().algorithm())
                    .put("source", e.getKey().source())
                    .put("position", e.getKey().position());
            long[] v = values(e.getValue());
            for (int i = 0; i < COLUMNS.length; i++) {
                row.put(COLUMNS[i], v[i]);
            }
            impressions += e.getValue().impressions;
        }
        String columns = String.join(", ", COLUMNS);
        String typed = String.join(" bigint, ", COLUMNS) + " bigint";
        long total = impressions;
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "delete from recommendation_daily_metrics where day = cast(:day as date)")
                        .setParameter("day", day)
                        .executeUpdate()
                        .chain(() -> rows.isEmpty()
                                ? Uni.createFrom().item(0)
                                : s.createNativeQuery("insert into recommendation_daily_metrics (day, algorithm,"
                                                + " source, position, " + columns
                                                + ") select cast(:day as date),"
                                                + " algorithm, source, position, " + columns
                                                + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as"
                                                + " r(algorithm text, source text, position integer, " + typed + ")")
                                        .setParameter("day", day)
                                        .setParameter("rows", rows.toString())
                                        .executeUpdate())
                        .chain(() -> s.createNativeQuery("insert into recommendation_daily_status (day, provisional,"
                                        + " final_after, revision, computed_at, impressions, digest) values (cast(:day"
                                        + " as date), :provisional, cast(:finalAfter as timestamptz), 1, cast(:now as"
                                        + " timestamptz), :impressions, :digest) on conflict (day) do update set"
                                        + " provisional = excluded.provisional, final_after = excluded.final_after,"
                                        + " computed_at = excluded.computed_at, impressions = excluded.impressions,"
                                        + " revision = recommendation_daily_status.revision + case when"
                                        + " recommendation_daily_status.digest = excluded.digest then 0 else 1 end,"
                                        + " digest = excluded.digest")
                                .setParameter("day", day)
                                .setParameter("provisional", provisional)
                                .setParameter("finalAfter", finalAfter.atOffset(ZoneOffset.UTC))
                                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .setParameter("impressions", total)
                                .setParameter("digest", digest)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** The cells of the days in [from, to), per day in order. */
    public Uni<Map<LocalDate, Map<DailyRollup.Key, Counts>>> cells(LocalDate from, LocalDate to) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(day as text), algorithm, source, position, " + String.join(", ", COLUMNS)
                                        + " from recommendation_daily_metrics where day >= cast(:from as date) and day"
                                        + " < cast(:to as date) order by day, algorithm, source, position",
                                Object[].class)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList())
                .map(rows -> {
                    Map<LocalDate, Map<DailyRollup.Key, Counts>> out = new TreeMap<>();
                    for (Object[] r : rows) {
                        long[] v = new long[COLUMNS.length];
                        for (int i = 0; i < v.length; i++) {
                            v[i] = ((Number) r[4 + i]).longValue();
                        }
                        out.computeIfAbsent(LocalDate.parse((String) r[0]), d -> new TreeMap<>())
                                .put(
                                        new DailyRollup.Key((String) r[1], (String) r[2], ((Number) r[3]).intValue()),
                                        counts(v));
                    }
                    return out;
                });
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }

    static List<LocalDate> merged(List<LocalDate> a, List<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(new java.util.TreeSet<>(a));
        for (LocalDate d : b) {
            if (!all.contains(d)) {
                all.add(d);
            }
        }
        all.sort(null);
        return all;
    }
}
