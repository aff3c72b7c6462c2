package com.newsmell.session.metrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the rollup tables only (never the raw sessions or searches). */
@ApplicationScoped
public class MetricsRepository {

    /** Rows: bucket epoch seconds, then the summed SessionContribution columns, then unique users. */
    @WithSession
    public Uni<List<Object[]>> sessionBuckets(
            Instant from, Instant to, String granularity, String deviceType, boolean includeBots) {
        List<Object> params = new ArrayList<>(List.of(RealtimeRollup.utc(from), RealtimeRollup.utc(to), granularity));
        String device = "";
        if (deviceType != null) {
            params.add(deviceType);
            device = " and device_type = ?" + params.size();
        }
        params.add(deviceType == null ? "*" : deviceType);
        int userDevice = params.size();
        params.add(includeBots);
        int bots = params.size();
        String usersTable = granularity.equals("day") ? "active_users_daily" : "active_users_hourly";
        String sums = String.join(
                ", ",
                java.util.Arrays.stream(SessionContribution.COLUMNS)
                        .map(c -> "sum(" + c + ") as " + c)
                        .toList());
        String sql = "with m as (select date_trunc(?3, bucket at time zone 'UTC') at time zone 'UTC' as b, " + sums
                + " from session_metrics_hourly where bucket >= cast(?1 as timestamptz) and bucket < cast(?2 as timestamptz)"
                + device + " and (?" + bots + " or not is_bot) group by 1) "
                + "select cast(extract(epoch from m.b) as bigint), "
                + String.join(
                        ", ",
                        java.util.Arrays.stream(SessionContribution.COLUMNS)
                                .map(c -> "cast(m." + c + " as bigint)")
                                .toList())
                + ", coalesce(u.users, 0) from m left join " + usersTable + " u on u.bucket = m.b and u.device_type = ?"
                + userDevice + " and u.include_bots = ?" + bots + " where m.sessions > 0 order by m.b";
        return query(sql, params);
    }

    /** One row: searches, no_results, with_clicks, refined, abandoned, found_desired. */
    @WithSession
    public Uni<List<Object[]>> searchTotals(Instant from, Instant to, boolean includeBots) {
        return inRange(
                "select cast(coalesce(sum(searches), 0) as bigint), cast(coalesce(sum(no_results), 0) as bigint), "
                        + "cast(coalesce(sum(with_clicks), 0) as bigint), cast(coalesce(sum(refined), 0) as bigint), "
                        + "cast(coalesce(sum(abandoned), 0) as bigint), cast(coalesce(sum(found_desired), 0) as bigint) "
                        + "from search_query_hourly",
                "",
                from,
                to,
                includeBots);
    }

    /** Rows: normalised query, count; by {@code column} (searches or no_results) descending. */
    @WithSession
    public Uni<List<Object[]>> topQueries(Instant from, Instant to, boolean includeBots, String column, int top) {
        return inRange(
                "select query_norm, cast(sum(" + column + ") as bigint) as n from search_query_hourly",
                " and query_norm <> '' group by query_norm having sum(" + column + ") > 0 order by n desc, query_norm"
                        + " limit " + top,
                from,
                to,
                includeBots);
    }

    /** Rows: time to first click (ms), number of searches; ascending. */
    @WithSession
    public Uni<List<Object[]>> clickTimes(Instant from, Instant to, boolean includeBots) {
        return inRange(
                "select ttfc_ms, cast(sum(searches) as bigint) from search_click_time_hourly",
                " group by ttfc_ms order by ttfc_ms",
                from,
                to,
                includeBots);
    }

    /** Rows: position, clicks; ascending. */
    @WithSession
    public Uni<List<Object[]>> clickPositions(Instant from, Instant to, boolean includeBots) {
        return inRange(
                "select position, cast(sum(clicks) as bigint) from search_click_position_hourly",
                " group by position order by position",
                from,
                to,
                includeBots);
    }

    /** {@code selectFrom}, restricted to the buckets in [from, to) (and to humans unless bots are included), then {@code rest}. */
    private static Uni<List<Object[]>> inRange(
            String selectFrom, String rest, Instant from, Instant to, boolean includeBots) {
        return query(
                selectFrom
                        + " where bucket >= cast(?1 as timestamptz) and bucket < cast(?2 as timestamptz)"
                        + " and (?3 or not is_bot)" + rest,
                List.of(RealtimeRollup.utc(from), RealtimeRollup.utc(to), includeBots));
    }

    private static Uni<List<Object[]>> query(String sql, List<Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query.getResultList();
        });
    }
}
