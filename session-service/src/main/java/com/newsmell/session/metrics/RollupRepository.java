package com.newsmell.session.metrics;

import static com.newsmell.session.metrics.NativeSql.execute;
import static com.newsmell.session.metrics.NativeSql.number;
import static com.newsmell.session.metrics.NativeSql.utc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes the rollup tables: the re-folds' deltas of the real-time session metrics and the hours whose searches they
 * changed (session_metrics_hourly, rollup_dirty_hour: one additive statement each, ADR 0012), and the hourly job's
 * recomputation of a changed hour (search_*_hourly) from the search rows.
 */
@ApplicationScoped
public class RollupRepository {

    /** An hour the hourly job must recompute; {@code version} keeps a change made during the job for the next run. */
    public record DirtyHour(Instant hour, long version) {}

    private static final String QUERIES = "insert into search_query_hourly "
            + "(bucket, is_bot, query_norm, searches, no_results, with_clicks, refined, abandoned, found_desired) "
            + "select cast(?1 as timestamptz), q.is_bot, lower(trim(q.query_text)), count(*), "
            + "count(*) filter (where q.results_count = 0), "
            + "count(*) filter (where jsonb_array_length(cast(q.clicked_positions as jsonb)) > 0), "
            + "count(*) filter (where q.refined_query), count(*) filter (where q.abandoned), "
            + "count(*) filter (where q.found_desired) "
            + "from search_query q where q.timestamp >= cast(?1 as timestamptz) "
            + "and q.timestamp < cast(?1 as timestamptz) + interval '1 hour' "
            + "group by q.is_bot, lower(trim(q.query_text))";

    private static final String CLICK_TIMES =
            "insert into search_click_time_hourly (bucket, is_bot, ttfc_ms, searches) "
                    + "select cast(?1 as timestamptz), q.is_bot, q.time_to_first_click, count(*) from search_query q "
                    + "where q.timestamp >= cast(?1 as timestamptz) and q.timestamp < cast(?1 as timestamptz) + interval '1 hour' "
                    + "and q.time_to_first_click is not null group by q.is_bot, q.time_to_first_click";

    private static final String POSITIONS =
            "insert into search_click_position_hourly (bucket, is_bot, position, clicks) "
                    + "select cast(?1 as timestamptz), q.is_bot, cast(p.position as integer), count(*) from search_query q "
                    + "cross join lateral jsonb_array_elements_text(cast(q.clicked_positions as jsonb)) as p(position) "
                    + "where q.timestamp >= cast(?1 as timestamptz) and q.timestamp < cast(?1 as timestamptz) + interval '1 hour' "
                    + "and p.position is not null group by q.is_bot, cast(p.position as integer)";

    private static final List<String> SEARCH_TABLES =
            List.of("search_query_hourly", "search_click_time_hourly", "search_click_position_hourly");

    /** Adds a re-fold's session-metric deltas and marks its hours dirty, in the caller's transaction. */
    @WithSession
    public Uni<Void> write(RollupChanges changes) {
        return Panache.getSession()
                .chain(session -> addSessionDeltas(session, changes.sessionDeltas())
                        .chain(() -> markDirty(session, changes.dirtyHours())));
    }

    /** The oldest dirty hours, at most {@code limit}. */
    @WithSession
    public Uni<List<DirtyHour>> dirtyHours(int limit) {
        return Panache.getSession()
                .chain(session -> NativeSql.rows(
                        session,
                        "select cast(floor(extract(epoch from bucket)) as bigint), version from rollup_dirty_hour "
                                + "order by bucket limit ?1",
                        List.of(limit)))
                .map(rows -> rows.stream()
                        .map(r -> new DirtyHour(Instant.ofEpochSecond(number(r[0])), number(r[1])))
                        .toList());
    }

    /** Recomputes the hour's search popularity and outcomes. */
    @WithSession
    public Uni<Void> recomputeHour(Instant hour) {
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String table : SEARCH_TABLES) {
                chain = chain.chain(() -> deleteBucket(session, table, hour));
            }
            for (String insert : List.of(QUERIES, CLICK_TIMES, POSITIONS)) {
                chain = chain.chain(() -> execute(session, insert, List.of(utc(hour))));
            }
            return chain;
        });
    }

    /** Forgets a recomputed hour, unless a re-fold marked it again since it was read. */
    @WithSession
    public Uni<Void> forget(DirtyHour dirty) {
        return Panache.getSession()
                .chain(session -> execute(
                        session,
                        "delete from rollup_dirty_hour where bucket = cast(?1 as timestamptz) and version = ?2",
                        List.of(utc(dirty.hour()), dirty.version())));
    }

    private static Uni<Void> addSessionDeltas(Mutiny.Session session, List<SessionContribution> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> columns = SessionContribution.COLUMNS;
        List<String> tuples = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SessionContribution row : rows) {
            int base = params.size();
            StringBuilder tuple =
                    new StringBuilder("(cast(?" + (base + 1) + " as timestamptz), ?" + (base + 2) + ", ?" + (base + 3));
            for (int i = 0; i < columns.size(); i++) {
                tuple.append(", cast(?").append(base + 4 + i).append(" as bigint)");
            }
            tuples.add(tuple.append(")").toString());
            params.add(utc(row.key().bucket()));
            params.add(row.key().deviceType());
            params.add(row.key().isBot());
            for (long v : row.values()) {
                params.add(v);
            }
        }
        String updates = columns.stream()
                .map(c -> c + " = session_metrics_hourly." + c + " + excluded." + c)
                .collect(Collectors.joining(", "));
        return execute(
                session,
                "insert into session_metrics_hourly (bucket, device_type, is_bot, " + String.join(", ", columns)
                        + ") values " + String.join(", ", tuples)
                        + " on conflict (bucket, device_type, is_bot) do update set " + updates,
                params);
    }

    private static Uni<Void> markDirty(Mutiny.Session session, List<Instant> hours) {
        if (hours.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> params = new ArrayList<>();
        List<String> tuples = new ArrayList<>();
        for (Instant hour : hours) {
            params.add(utc(hour));
            tuples.add("(cast(?" + params.size() + " as timestamptz))");
        }
        return execute(
                session,
                "insert into rollup_dirty_hour (bucket) values " + String.join(", ", tuples)
                        + " on conflict (bucket) do update set version = rollup_dirty_hour.version + 1",
                params);
    }

    private static Uni<Void> deleteBucket(Mutiny.Session session, String table, Instant bucket) {
        return execute(
                session, "delete from " + table + " where bucket = cast(?1 as timestamptz)", List.of(utc(bucket)));
    }
}
