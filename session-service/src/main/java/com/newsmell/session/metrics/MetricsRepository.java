package com.newsmell.session.metrics;

import static com.newsmell.session.metrics.NativeSql.number;
import static com.newsmell.session.metrics.NativeSql.utc;

import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the metrics: the rollup tables, and, for the session metrics broken down or filtered by a dimension, the
 * user_session rows (the same definitions: {@link SessionContribution} adds up exactly what {@link #USER_SESSION_COUNTS}
 * counts). Buckets are placed by {@code width_bucket(time, thresholds)} over the window's bucket starts
 * ({@link TimeWindow#thresholds}), so a day of a time zone is exactly the one {@link TimeWindow} names.
 */
@ApplicationScoped
public class MetricsRepository {

    /** One group of a session-metrics statement: a bucket (1-based index), a breakdown value, or the whole range. */
    public record Grouped<T>(Integer bucket, String value, T totals) {

        public boolean whole() {
            return bucket == null && value == null;
        }
    }

    /** The counts of {@link SessionTotals} over user_session rows, in field order. */
    static final String USER_SESSION_COUNTS = "count(*) as sessions, count(*) filter (where closed) as closed_sessions,"
            + " cast(coalesce(sum(duration) filter (where closed), 0) as bigint) as duration_seconds,"
            + " cast(coalesce(sum(duration_ms) filter (where closed), 0) as bigint) as duration_ms,"
            + " count(*) filter (where bounced) as bounces,"
            + " cast(coalesce(sum(page_views), 0) as bigint) as page_views,"
            + " count(*) filter (where added_to_wishlist) as wishlist_sessions,"
            + " count(*) filter (where added_to_collection) as collection_sessions,"
            + " count(*) filter (where completed_rating) as rating_sessions,"
            + " count(*) filter (where completed_review) as review_sessions,"
            + " count(distinct user_id) as users,"
            + " count(distinct coalesce('u:' || user_id, 's:' || session_id)) as visitors";

    /**
     * Session metrics from the rollup, per bucket and over the whole window (the group whose bucket is null): the
     * session_metrics_hourly sums, and the distinct users and visitors of the user_session rows, in one statement (one
     * snapshot). Only buckets with rollup rows are returned.
     */
    @WithSession
    public Uni<List<Grouped<SessionTotals>>> sessionsFromRollup(TimeWindow window, boolean includeBots) {
        List<Object> params =
                new ArrayList<>(List.of(utc(window.from()), utc(window.to()), window.thresholds(), includeBots));
        String sums = SessionContribution.COLUMNS.stream()
                .map(c -> "cast(coalesce(sum(" + c + "), 0) as bigint) as " + c)
                .collect(Collectors.joining(", "));
        String sql = "with m as (select b, " + sums
                + " from (select width_bucket(bucket, cast(cast(?3 as text) as timestamptz[]))"
                + " as b, * from session_metrics_hourly where bucket >= cast(?1 as timestamptz)"
                + " and bucket < cast(?2 as timestamptz) and (?4 or not is_bot)) h group by grouping sets ((b), ())), "
                + "u as (select b, count(distinct user_id) as users, count(distinct coalesce('u:' || user_id, 's:' ||"
                + " session_id)) as visitors from (select width_bucket(start_time, cast(cast(?3 as text) as timestamptz[])) as b,"
                + " user_id, session_id from user_session where start_time >= cast(?1 as timestamptz)"
                + " and start_time < cast(?2 as timestamptz) and (?4 or not is_bot)) s group by grouping sets ((b), ())) "
                + "select m.b, m." + String.join(", m.", SessionContribution.COLUMNS)
                + ", coalesce(u.users, 0), coalesce(u.visitors, 0) from m left join u on m.b is not distinct from u.b"
                + " order by m.b nulls first";
        return rows(
                sql,
                params,
                r -> new Grouped<>(r[0] == null ? null : (int) number(r[0]), null, SessionTotals.of(r, 1)));
    }

    /**
     * Session metrics from user_session, of the sessions the filters select: per bucket and over the whole window
     * (the group whose bucket is null). Only buckets with sessions are returned.
     */
    @WithSession
    public Uni<List<Grouped<SessionTotals>>> sessionsFromRows(TimeWindow window, boolean includeBots, Filters filters) {
        List<Object> params = new ArrayList<>(List.of(window.thresholds()));
        String rows = selectedSessions(
                "width_bucket(start_time, cast(cast(?1 as text) as timestamptz[]))",
                window,
                includeBots,
                filters,
                params);
        String sql = "select grouping(g), g, " + USER_SESSION_COUNTS + " from (" + rows + ") s"
                + " group by grouping sets ((g), ()) order by g nulls first";
        return rows(
                sql,
                params,
                r -> new Grouped<>(number(r[0]) == 1 ? null : (int) number(r[1]), null, SessionTotals.of(r, 2)));
    }

    /**
     * Session metrics from user_session by the values of one dimension ((unknown) for rows without one), most
     * sessions first, then by value: the whole window's group first, then at most {@code limit} values from
     * {@code offset} on.
     */
    @WithSession
    public Uni<List<Grouped<SessionTotals>>> sessionsByValue(
            TimeWindow window, boolean includeBots, Filters filters, String dimension, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String rows = selectedSessions(SessionDimensions.value(dimension), window, includeBots, filters, params);
        params.add(limit);
        String limitParam = "?" + params.size();
        params.add(offset);
        String offsetParam = "?" + params.size();
        String sql =
                "with t as (select grouping(g) as whole, g as value, " + USER_SESSION_COUNTS + " from (" + rows + ") s"
                        + " group by grouping sets ((g), ())) "
                        + "select * from (select * from t where whole = 1 union all select * from (select * from t"
                        + " where whole = 0 order by sessions desc, value collate \"C\" limit " + limitParam
                        + " offset " + offsetParam + ") p) u order by whole desc, sessions desc, value collate \"C\"";
        return rows(
                sql,
                params,
                r -> new Grouped<>(null, number(r[0]) == 1 ? null : (String) r[1], SessionTotals.of(r, 2)));
    }

    /**
     * The user_session rows of the window (by start_time) that the filters select, humans only unless
     * {@code includeBots}, with the group expression as {@code g}; appends its parameters.
     */
    private static String selectedSessions(
            String group, TimeWindow window, boolean includeBots, Filters filters, List<Object> params) {
        params.add(utc(window.from()));
        String from = "?" + params.size();
        params.add(utc(window.to()));
        String to = "?" + params.size();
        params.add(includeBots);
        String bots = "?" + params.size();
        return "select " + group + " as g, * from user_session where start_time >= cast(" + from + " as timestamptz)"
                + " and start_time < cast(" + to + " as timestamptz) and (" + bots + " or not is_bot) and "
                + SessionDimensions.where(filters, params);
    }

    private static final String SEARCH_SUMS =
            "cast(coalesce(sum(searches), 0) as bigint), cast(coalesce(sum(no_results), 0) as bigint), "
                    + "cast(coalesce(sum(with_clicks), 0) as bigint), cast(coalesce(sum(refined), 0) as bigint), "
                    + "cast(coalesce(sum(abandoned), 0) as bigint), cast(coalesce(sum(found_desired), 0) as bigint)";

    private static SearchTotals searchTotals(Object[] r, int first) {
        return new SearchTotals(
                number(r[first]),
                number(r[first + 1]),
                number(r[first + 2]),
                number(r[first + 3]),
                number(r[first + 4]),
                number(r[first + 5]));
    }

    @WithSession
    public Uni<SearchTotals> searchTotals(Instant from, Instant to, boolean includeBots) {
        return inRange(
                        "select " + SEARCH_SUMS + " from search_query_hourly",
                        "",
                        from,
                        to,
                        includeBots,
                        r -> searchTotals(r, 0))
                .map(rows -> rows.get(0));
    }

    /** The search_query_hourly sums per bucket of the window that has searches (1-based bucket index). */
    @WithSession
    public Uni<List<Grouped<SearchTotals>>> searchBuckets(TimeWindow window, boolean includeBots) {
        return rows(
                "select width_bucket(bucket, cast(cast(?4 as text) as timestamptz[])) as b, " + SEARCH_SUMS
                        + " from search_query_hourly where bucket >= cast(?1 as timestamptz)"
                        + " and bucket < cast(?2 as timestamptz) and (?3 or not is_bot) group by b order by b",
                List.of(utc(window.from()), utc(window.to()), includeBots, window.thresholds()),
                r -> new Grouped<>((int) number(r[0]), null, searchTotals(r, 1)));
    }

    /**
     * The normalised queries by {@code column} (searches or no_results) descending, then by query: at most
     * {@code limit} from {@code offset} on.
     */
    @WithSession
    public Uni<List<SearchMetrics.QueryCount>> topQueries(
            Instant from, Instant to, boolean includeBots, String column, int offset, int limit) {
        return inRange(
                "select query_norm, cast(sum(" + column + ") as bigint) as n from search_query_hourly",
                " and query_norm <> '' group by query_norm having sum(" + column + ") > 0 order by n desc, query_norm"
                        + " collate \"C\" limit " + limit + " offset " + offset,
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
