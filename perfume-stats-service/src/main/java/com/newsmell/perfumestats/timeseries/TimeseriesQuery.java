package com.newsmell.perfumestats.timeseries;

import com.newsmell.contract.Violation;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated time-series request: one metric of one perfume per bucket of a metrics window ({@link TimeWindow}),
 * and the bucket table that answers it exactly.
 *
 * <p>Hour buckets are UTC hours, read from the hourly table. Day buckets are the days of {@code tz}: UTC days are read
 * from the daily table; the days of any other zone (23, 24 or 25 hours, starting at a UTC hour) are summed from the
 * hourly table, so they are answered only within the hourly buckets' retention. A zone whose days or hours do not
 * start on a UTC hour (a 30- or 45-minute offset) cannot be answered exactly: 400, rule {@code grid}.
 */
public record TimeseriesQuery(String perfumeId, Metric metric, TimeWindow window, BucketTable source) {

    /**
     * A figure per bucket: a count of events, or a rate (an average or a click-through rate) that comes with its
     * numerator and denominator.
     */
    public enum Metric {
        VIEWS("views", Kind.COUNT),
        WISHLIST_ADDS("wishlistAdds", Kind.COUNT),
        COLLECTION_ADDS("collectionAdds", Kind.COUNT),
        RATINGS("ratings", Kind.COUNT),
        REVIEWS("reviews", Kind.COUNT),
        TRADE_INQUIRIES("tradeInquiries", Kind.COUNT),
        TRADE_COMPLETED("tradeCompleted", Kind.COUNT),
        SEARCH_IMPRESSIONS("searchImpressions", Kind.COUNT),
        SEARCH_CLICKS("searchClicks", Kind.COUNT),
        RECOMMENDATION_IMPRESSIONS("recommendationImpressions", Kind.COUNT, "recommendationImprs"),
        RECOMMENDATION_CLICKS("recommendationClicks", Kind.COUNT),
        /** Σ view durations (ms, decimals kept) / views with a duration. */
        AVG_VIEW_DURATION_MS("avgViewDurationMs", Kind.DECIMAL_RATE, "avgViewDuration"),
        /** searchClicks / searchImpressions. */
        SEARCH_CTR("searchCTR", Kind.RATE),
        /** recommendationClicks / recommendationImpressions. */
        RECOMMENDATION_CTR("recommendationCTR", Kind.RATE);

        /** A count; a rate of two counts; a rate whose numerator is a decimal sum. */
        enum Kind {
            COUNT,
            RATE,
            DECIMAL_RATE
        }

        /** The parameter value, as echoed in the answer. */
        public final String parameter;

        /** The value this metric had before issue #22, still accepted for one release; null if none. */
        public final String deprecatedParameter;

        final Kind kind;

        Metric(String parameter, Kind kind) {
            this(parameter, kind, null);
        }

        Metric(String parameter, Kind kind, String deprecatedParameter) {
            this.parameter = parameter;
            this.kind = kind;
            this.deprecatedParameter = deprecatedParameter;
        }

        /** A count of events (no numerator and denominator). */
        public boolean isCount() {
            return kind == Kind.COUNT;
        }

        /** Every accepted value of {@code metric}: the current ones, then the deprecated ones. */
        public static Map<String, Metric> byParameter() {
            Map<String, Metric> map = new LinkedHashMap<>();
            for (Metric m : values()) {
                map.put(m.parameter, m);
            }
            for (Metric m : values()) {
                if (m.deprecatedParameter != null) {
                    map.put(m.deprecatedParameter, m);
                }
            }
            return map;
        }
    }

    /**
     * The request from the API's parameters (GET /v1/perfumes/{perfumeId}/timeseries and the GraphQL field): metric
     * (default views), granularity (default day) and the window, each checked with the API's rules, at now.
     */
    public static TimeseriesQuery parse(
            String perfumeId, String metric, String granularity, WindowParams window, int retentionDays) {
        Metric m = QueryParams.oneOf("metric", metric, Metric.byParameter(), Metric.VIEWS);
        TimeWindow.Granularity g = TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY);
        return of(perfumeId, m, window.metrics(g), Instant.now(), retentionDays);
    }

    /** The same request for another perfume. */
    public TimeseriesQuery forPerfume(String otherPerfumeId) {
        return new TimeseriesQuery(otherPerfumeId, metric, window, source);
    }

    /**
     * The request for a window (already checked by {@link TimeWindow#metrics}) at {@code now}: its bucket table, or
     * 400 {@code grid} when a bucket does not start on a UTC hour, 400 {@code retention} when it needs hourly buckets
     * older than those kept ({@code retentionDays}).
     */
    public static TimeseriesQuery of(
            String perfumeId, Metric metric, TimeWindow window, Instant now, int retentionDays) {
        List<Instant> boundaries = boundaries(window);
        for (Instant b : boundaries) {
            if (!BucketTable.HOURLY.onGrid(b)) {
                throw QueryParams.bad(
                        "tz",
                        "grid",
                        "The " + window.granularity().parameter + "s of " + window.tz() + " do not all start on a"
                                + " whole UTC hour (" + b + " does): the figures are kept per UTC hour, so they"
                                + " cannot be answered exactly in this zone. Use a zone with a whole-hour offset,"
                                + " e.g. UTC.");
            }
        }
        boolean utcDays = window.granularity() == TimeWindow.Granularity.DAY
                && boundaries.stream().allMatch(BucketTable.DAILY::onGrid);
        if (utcDays) {
            return new TimeseriesQuery(perfumeId, metric, window, BucketTable.DAILY);
        }
        Instant kept = BucketTable.hourlyCutoff(now, retentionDays);
        if (window.from().isBefore(kept)) {
            int days = BucketTable.hourlyRetentionDays(retentionDays);
            if (window.granularity() == TimeWindow.Granularity.HOUR) {
                throw QueryParams.bad(
                        "from",
                        "retention",
                        "Hourly buckets are kept " + days + " days: from must be at or after " + kept
                                + " (use granularity=day for older ranges).");
            }
            String detail = "The days of " + window.tz() + " are summed from the hourly buckets (the daily buckets are"
                    + " UTC days, which a day of " + window.tz() + " does not fall on), and hourly buckets are kept "
                    + days + " days: from must be at or after " + kept + " for day buckets in " + window.tz()
                    + ". Use tz=UTC for older ranges (daily buckets, kept for good).";
            throw new ProblemException(Problem.invalid(
                    detail,
                    List.of(new Violation("?from", "retention", detail), new Violation("?tz", "retention", detail))));
        }
        return new TimeseriesQuery(perfumeId, metric, window, BucketTable.HOURLY);
    }

    /** Every bucket's start, and the window's end. */
    private static List<Instant> boundaries(TimeWindow window) {
        List<Instant> all = new ArrayList<>(window.bucketStarts());
        all.add(window.to());
        return all;
    }

    /** The bucket of the answer that a stored bucket (a UTC hour or day) falls in. */
    Instant bucketOf(Instant stored) {
        return source == BucketTable.DAILY ? stored : window.floor(stored);
    }
}
