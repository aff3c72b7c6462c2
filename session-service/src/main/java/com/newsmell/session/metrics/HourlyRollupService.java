package com.newsmell.session.metrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The hourly rollups: for every hour a re-fold touched (rollup_dirty_hour), recomputes the unique users of that
 * hour and of its day, and the search popularity and outcomes of that hour, from the session and search rows.
 */
@ApplicationScoped
public class HourlyRollupService {

    static final int BATCH = 200;

    private static final String USERS = "insert into %1$s (bucket, device_type, include_bots, users) "
            + "select cast(?1 as timestamptz), dev.device_type, inc.include_bots, count(distinct s.user_id) "
            + "from user_session s "
            + "cross join lateral (values (coalesce(s.device_type, '')), ('*')) as dev(device_type) "
            + "cross join lateral (values (true), (false)) as inc(include_bots) "
            + "where s.start_time >= cast(?1 as timestamptz) and s.start_time < cast(?1 as timestamptz) + interval '%2$s' "
            + "and s.user_id is not null and (inc.include_bots or not s.is_bot) "
            + "group by dev.device_type, inc.include_bots";

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

    /** Recomputes one batch of dirty hours; returns how many hours it did. */
    @WithTransaction
    public Uni<Integer> rollupBatch() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(floor(extract(epoch from bucket)) as bigint), version from rollup_dirty_hour "
                                        + "order by bucket limit " + BATCH,
                                Object[].class)
                        .getResultList()
                        .chain(rows -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            TreeSet<Instant> days = new TreeSet<>();
                            for (Object[] row : rows) {
                                Instant hour = Instant.ofEpochSecond(((Number) row[0]).longValue());
                                long version = ((Number) row[1]).longValue();
                                days.add(hour.truncatedTo(ChronoUnit.DAYS));
                                chain = chain.chain(() -> hour(session, hour))
                                        .chain(() -> execute(
                                                session,
                                                "delete from rollup_dirty_hour where bucket = cast(?1 as timestamptz) and version = ?2",
                                                List.of(RealtimeRollup.utc(hour), version)));
                            }
                            for (Instant day : days) {
                                chain = chain.chain(() -> users(session, "active_users_daily", day, "1 day"));
                            }
                            return chain.replaceWith(rows.size());
                        }));
    }

    private Uni<Void> hour(Mutiny.Session session, Instant hour) {
        Uni<Void> chain = users(session, "active_users_hourly", hour, "1 hour");
        for (String table :
                List.of("search_query_hourly", "search_click_time_hourly", "search_click_position_hourly")) {
            chain = chain.chain(() -> execute(
                    session,
                    "delete from " + table + " where bucket = cast(?1 as timestamptz)",
                    List.of(RealtimeRollup.utc(hour))));
        }
        for (String insert : List.of(QUERIES, CLICK_TIMES, POSITIONS)) {
            chain = chain.chain(() -> execute(session, insert, List.of(RealtimeRollup.utc(hour))));
        }
        return chain;
    }

    private Uni<Void> users(Mutiny.Session session, String table, Instant bucket, String length) {
        return execute(
                        session,
                        "delete from " + table + " where bucket = cast(?1 as timestamptz)",
                        List.of(RealtimeRollup.utc(bucket)))
                .chain(() -> execute(session, USERS.formatted(table, length), List.of(RealtimeRollup.utc(bucket))));
    }

    private static Uni<Void> execute(Mutiny.Session session, String sql, List<Object> params) {
        return RealtimeRollup.execute(session, sql, params);
    }
}
