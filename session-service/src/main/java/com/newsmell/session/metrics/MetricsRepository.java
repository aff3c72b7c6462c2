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

    /**
     * The underlying counts of every bucket of [from, to) that has sessions, in order, and of the whole range (the row
     * whose bucket is null): the session_metrics_hourly sums, and the distinct users and visitors of the user_session
     * rows, both by the hour or day of the session's start and in one statement (one snapshot).
     */
    @WithSession
    public Uni<List<SessionTotals>> sessionTotals(
            Instant from, Instant to, String granularity, String deviceType, boolean includeBots) {
        List<Object> params = new ArrayList<>(List.of(utc(from), utc(to), granularity, includeBots));
        String device = "";
        if (deviceType != null) {
            params.add(deviceType);
            device = " and device_type = ?5";
        }
        String filter = device + " and (?4 or not is_bot)";
        String sums = SessionContribution.COLUMNS.stream()
                .map(c -> "cast(coalesce(sum(" + c + "), 0) as bigint) as " + c)
                .collect(Collectors.joining(", "));
        String sql = "with m as (select b, " + sums + " from (select date_trunc(?3, bucket at time zone 'UTC') at time"
                + " zone 'UTC' as b, * from session_metrics_hourly where bucket >= cast(?1 as timestamptz)"
                + " and bucket < cast(?2 as timestamptz)" + filter + ") h group by grouping sets ((b), ())), "
                + "u as (select b, count(distinct user_id) as users, count(distinct coalesce('u:' || user_id, 's:' ||"
                + " session_id)) as visitors from (select date_trunc(?3, start_time at time zone 'UTC') at time zone"
                + " 'UTC' as b, * from user_session where start_time >= cast(?1 as timestamptz)"
                + " and start_time < cast(?2 as timestamptz)" + filter + ") s group by grouping sets ((b), ())) "
                + "select cast(extract(epoch from m.b) as bigint), m."
                + String.join(", m.", SessionContribution.COLUMNS)
                + ", coalesce(u.users, 0), coalesce(u.visitors, 0) from m left join u on m.b is not distinct from u.b"
                + " where m.b is null or m.sessions > 0 order by m.b nulls first";
        return rows(
                sql,
                params,
                r -> new SessionTotals(
                        r[0] == null ? null : Instant.ofEpochSecond(number(r[0])),
                        number(r[1]),
                        number(r[2]),
                        number(r[3]),
                        number(r[4]),
                        number(r[5]),
                        number(r[6]),
                        number(r[7]),
                        number(r[8]),
                        number(r[9]),
                        number(r[10]),
                        number(r[11])));
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
