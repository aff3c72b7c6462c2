package com.newsmell.recommendation.metrics;

import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements of recommendation metrics over {@code recommendation_feedback}, pure so that a unit test reads
 * exactly what runs. Two kinds of rows count: impressions, by their {@code impression_time} in [from, to) (one
 * index-friendly range, with {@code (dimension, impression_time)} indexes behind the filters), and clicked rows
 * without an impression, by their {@code first_interaction_time} (the partial index
 * {@code idx_recommendation_feedback_click_without_impression}). Parameters are positional, {@code ?1, ?2, …}.
 */
final class RecommendationMetricsSql {

    /** A native statement and its parameters, in order. */
    record Statement(String sql, List<Object> params) {}

    /** Each dimension's column: the same name. */
    static final Map<String, String> COLUMNS =
            RecommendationMetricsQuery.DIMENSIONS.stream().collect(Collectors.toUnmodifiableMap(d -> d, d -> d));

    /** The toolkit's any-of predicate, which the statement writes as a (list-expanded) in-list. */
    private RecommendationMetricsSql() {}

    /**
     * Per bucket of the window (its 1-based index in the window's bucket starts): impressions, clicks,
     * clicksWithoutImpression. Buckets without any row are not returned.
     */
    static Statement buckets(TimeWindow window, Filters filters) {
        List<Object> params = new ArrayList<>();
        String starts = window.thresholds();
        // The starts are bound as one text (the client would want a typed array for a timestamptz[] parameter).
        String impressionBucket =
                "width_bucket(impression_time, cast(cast(" + add(params, starts) + " as text) as timestamptz[]))";
        String impressions = impressions(impressionBucket, window, filters, params);
        String clickBucket = "width_bucket(first_interaction_time, cast(cast(" + add(params, starts)
                + " as text) as timestamptz[]))";
        String clicks = clicksWithoutImpression(clickBucket, window, filters, params);
        return new Statement(
                "select k, cast(sum(i) as bigint), cast(sum(c) as bigint), cast(sum(w) as bigint) from (" + impressions
                        + " union all " + clicks + ") x group by k order by k",
                List.copyOf(params));
    }

    /**
     * Per value of the dimension (null: none), most impressions first (then clicks, clicks without impression, the
     * value): impressions, clicks, clicksWithoutImpression; {@code rows} values from {@code offset}.
     */
    static Statement breakdown(TimeWindow window, Filters filters, String dimension, int offset, int rows) {
        String column = COLUMNS.get(dimension);
        if (column == null) {
            throw new IllegalArgumentException("not a dimension: " + dimension);
        }
        List<Object> params = new ArrayList<>();
        String impressions = impressions(column, window, filters, params);
        String clicks = clicksWithoutImpression(column, window, filters, params);
        String sql = "select k, cast(sum(i) as bigint) as impressions, cast(sum(c) as bigint) as clicks,"
                + " cast(sum(w) as bigint) as without_impression from (" + impressions + " union all " + clicks
                + ") x group by k order by impressions desc, clicks desc, without_impression desc, k nulls last"
                + " limit " + add(params, rows) + " offset " + add(params, offset);
        return new Statement(sql, List.copyOf(params));
    }

    /** The impressions in the window that pass the filters: key, 1 impression, 1 click when clicked. */
    private static String impressions(String key, TimeWindow window, Filters filters, List<Object> params) {
        return "select " + key + " as k, 1 as i, case when clicked then 1 else 0 end as c, 0 as w"
                + " from recommendation_feedback where impression_time >= cast(" + add(params, utc(window.from()))
                + " as timestamptz) and impression_time < cast(" + add(params, utc(window.to()))
                + " as timestamptz) and " + where(filters, params);
    }

    /** The clicked rows without an impression whose first click is in the window and that pass the filters. */
    private static String clicksWithoutImpression(String key, TimeWindow window, Filters filters, List<Object> params) {
        return "select " + key + " as k, 0 as i, 0 as c, 1 as w from recommendation_feedback"
                + " where impression_time is null and clicked and first_interaction_time >= cast("
                + add(params, utc(window.from())) + " as timestamptz) and first_interaction_time < cast("
                + add(params, utc(window.to())) + " as timestamptz) and " + where(filters, params);
    }

    /**
     * The filters' predicate (the toolkit's {@link Filters#toSql}), with each any-of list as an in-list of a
     * list parameter (position values as integers), numbered after the parameters so far.
     */
    static String where(Filters filters, List<Object> params) {
        Filters.Sql sql = filters.toSql(
                COLUMNS,
                n -> "?" + (params.size() + 1 + n),
                (dimension, value) -> dimension.equals("position") ? Integer.valueOf(value) : value);
        params.addAll(sql.parameters());
        return "(" + sql.where() + ")";
    }

    private static String add(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
