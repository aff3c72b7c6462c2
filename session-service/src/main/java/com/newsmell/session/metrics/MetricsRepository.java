package com.newsmell.session.metrics;

import static com.newsmell.session.metrics.NativeSql.number;
import static com.newsmell.session.metrics.NativeSql.utc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the rollup tables only (never the raw sessions or searches), as small records. */
@ApplicationScoped
public class MetricsRepository {

    /** The buckets of [from, to) that have sessions, in order, with their unique users. */
    @WithSession
    public Uni<List<SessionTotals>> sessionBuckets(
            Instant from, Instant to, String granularity, String deviceType, boolean includeBots) {
        List<Object> params = new ArrayList<>(List.of(utc(from), utc(to), granularity));
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
        String sums = SessionContribution.COLUMNS.stream()
                .map(c -> "sum(" + c + ") as " + c)
                .collect(Collectors.joining(", "));
        String casts = SessionContribution.COLUMNS.stream()
                .map(c -> "cast(m." + c + " as bigint)")
                .collect(Collectors.joining(", "));
        String sql = "with m as (select date_trunc(?3, bucket at time zone 'UTC') at time zone 'UTC' as b, " + sums
                + " from session_metrics_hourly where bucket >= cast(?1 as timestamptz) and bucket < cast(?2 as timestamptz)"
                + device + " and (?" + bots + " or not is_bot) group by 1) "
                + "select cast(extract(epoch from m.b) as bigint), " + casts
                + ", coalesce(u.users, 0) from m left join " + usersTable + " u on u.bucket = m.b and u.device_type = ?"
                + userDevice + " and u.include_bots = ?" + bots + " where m.sessions > 0 order by m.b";
        return rows(
                sql,
                params,
                r -> new SessionTotals(
                        Instant.ofEpochSecond(number(r[0])),
                        number(r[1]),
                        number(r[2]),
                        number(r[3]),
                        number(r[4]),
                        number(r[5]),
                        number(r[6]),
                        number(r[7]),
                        number(r[8]),
                        number(r[9]),
                        number(r[10])));
    }

    @WithSession
    public Uni<SearchTotals> searchTotals(Instant from, Instant to, boolean includeBots) {
        return inRange(
                        "select cast(coalesce(sum(searches), 0) as bigint), cast(coalesce(sum(no_results), 0) as bigint), "
                                + "cast(coalesce(sum(with_clicks), 0) as bigint), cast(coalesce(sum(refined), 0) as bigint), "
                                + "cast(coalesce(sum(abandoned), 0) as bigint), cast(coalesce(sum(found_desired), 0) as bigint) "
                                + "from search_query_hourly",
                        "",
                        from,
                        to,
                        includeBots,
                        r -> new SearchTotals(
                                number(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])))
                .map(rows -> rows.get(0));
    }

    /** The normalised queries by {@code column} (searches or no_results) descending, at most {@code top}. */
    @WithSession
    public Uni<List<SearchMetrics.QueryCount>> topQueries(
            Instant from, Instant to, boolean includeBots, String column, int top) {
        return inRange(
                "select query_norm, cast(sum(" + column + ") as bigint) as n from search_query_hourly",
                " and query_norm <> '' group by query_norm having sum(" + column + ") > 0 order by n desc, query_norm"
                        + " limit " + top,
                from,
                to,
                includeBots,
                r -> new SearchMetrics.QueryCount((String) r[0], number(r[1])));
    }

    /** Times to first click (ms) and how many searches had each; ascending. */
    @WithSession
    public Uni<List<NearestRank.ValueCount>> clickTimes(Instant from, Instant to, boolean includeBots) {
        return inRange(
                "select ttfc_ms, cast(sum(searches) as bigint) from search_click_time_hourly",
                " group by ttfc_ms order by ttfc_ms",
                from,
                to,
                includeBots,
                r -> new NearestRank.ValueCount((int) number(r[0]), number(r[1])));
    }

    /** Clicked positions and their clicks; ascending. */
    @WithSession
    public Uni<List<SearchMetrics.PositionCount>> clickPositions(Instant from, Instant to, boolean includeBots) {
        return inRange(
                "select position, cast(sum(clicks) as bigint) from search_click_position_hourly",
                " group by position order by position",
                from,
                to,
                includeBots,
                r -> new SearchMetrics.PositionCount((int) number(r[0]), number(r[1])));
    }

    /** {@code selectFrom}, restricted to the buckets in [from, to) (and to humans unless bots are included), then {@code rest}. */
    private static <T> Uni<List<T>> inRange(
            String selectFrom, String rest, Instant from, Instant to, boolean includeBots, Function<Object[], T> row) {
        return rows(
                selectFrom
                        + " where bucket >= cast(?1 as timestamptz) and bucket < cast(?2 as timestamptz)"
                        + " and (?3 or not is_bot)" + rest,
                List.of(utc(from), utc(to), includeBots),
                row);
    }

    private static <T> Uni<List<T>> rows(String sql, List<Object> params, Function<Object[], T> row) {
        return Panache.getSession()
                .chain(session -> NativeSql.rows(session, sql, params))
                .map(rows -> rows.stream().map(row).toList());
    }
}
