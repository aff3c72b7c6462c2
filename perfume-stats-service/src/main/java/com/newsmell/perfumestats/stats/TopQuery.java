package com.newsmell.perfumestats.stats;

import com.newsmell.perfumestats.timeseries.BucketSpans;
import com.newsmell.perfumestats.timeseries.BucketTable;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Instant;

/**
 * A validated GET /v1/perfumes/top request. Without from and to the ranking is over all time (the stored statistics);
 * with either, over exactly the window [from, to) (an absent end is open), summed from the daily buckets of the whole
 * UTC days inside it and the hourly buckets of the partial days at its ends, so from and to must be whole UTC hours
 * (rule grid) and a partial day must be within the hourly buckets' retention (rule retention).
 *
 * @param metric the metric ranked by
 * @param limit the page size
 * @param offset the page's first row (from the cursor)
 * @param window the window as given (from/to null when absent; tz for the echo)
 * @param spans the buckets that add up to the window; null for all time
 * @param minSample the least denominator of a ranked rate or average; null for a count
 * @param minRatings the least all-time ratings of a ranked perfume (the deprecated minRatings); null when not given
 * @param houseId only perfumes of this house (the latest houseId seen); null for all
 */
public record TopQuery(
        TopMetric metric,
        int limit,
        int offset,
        TimeWindow window,
        BucketSpans spans,
        Integer minSample,
        Integer minRatings,
        String houseId) {

    /** The least denominator of a ranked rate or average when minSample is not given. */
    public static final int DEFAULT_MIN_SAMPLE = 10;

    public boolean allTime() {
        return spans == null;
    }

    public static TopQuery parse(
            String metric,
            PageParams page,
            WindowParams windowParams,
            String minSample,
            String minRatings,
            String houseId,
            Instant now,
            int retentionDays) {
        TopMetric m = QueryParams.oneOf("metric", metric, TopMetric.byParameter(), null);
        int size = page.size();
        int offset = offset(page.cursor);
        TimeWindow window = windowParams.list(false);
        Integer ratings = QueryParams.blank(minRatings)
                ? null
                : QueryParams.integer("minRatings", minRatings, 0, 0, Integer.MAX_VALUE);
        Integer sample = null;
        if (!m.isCount()) {
            int fallback = m == TopMetric.AVG_RATING && ratings != null ? Math.max(1, ratings) : DEFAULT_MIN_SAMPLE;
            sample = QueryParams.integer("minSample", minSample, fallback, 1, Integer.MAX_VALUE);
        } else {
            QueryParams.integer(
                    "minSample", minSample, DEFAULT_MIN_SAMPLE, 1, Integer.MAX_VALUE); // checked all the same
        }
        String house = null;
        if (houseId != null) {
            if (houseId.isBlank()) {
                throw QueryParams.bad("houseId", "not-blank", "houseId must not be blank.");
            }
            house = houseId.trim();
        }
        BucketSpans spans = null;
        if (window.from() != null || window.to() != null) {
            if (!m.windowable()) {
                throw QueryParams.bad(
                        "metric",
                        "window",
                        m.parameter + " is kept over all time only, so it cannot be ranked over from/to; rank it"
                                + " without them, or rank views, wishlist, collection, searchCTR, recommendationCTR or"
                                + " avgViewDurationMs over a window.");
            }
            spans = spans(window, now, retentionDays);
        }
        return new TopQuery(m, size, offset, window, spans, sample, ratings, house);
    }

    /** The offset of a ranking's cursor (Paging's offset cursor), small enough to add a page to. */
    public static int offset(String cursor) {
        int offset = Paging.offset(cursor);
        if (offset > Integer.MAX_VALUE - 2 * ApiConvention.MAX_LIMIT) {
            throw QueryParams.badCursor();
        }
        return offset;
    }

    /** The buckets of the window; 400 grid for an end off the UTC hours, 400 retention for an hourly span dropped. */
    static BucketSpans spans(TimeWindow window, Instant now, int retentionDays) {
        onHour("from", window.from());
        onHour("to", window.to());
        Instant start = window.from() == null ? QueryParams.EARLIEST : window.from();
        Instant end = window.to() == null ? QueryParams.LATEST : window.to();
        BucketSpans spans = BucketSpans.of(start, end);
        Instant kept = BucketTable.hourlyCutoff(now, retentionDays);
        for (BucketSpans.Span hours : spans.hourly()) {
            if (hours.from().isBefore(kept)) {
                String name = hours.from().equals(start) ? "from" : "to";
                throw QueryParams.bad(
                        name,
                        "retention",
                        "The hourly buckets are kept " + BucketTable.hourlyRetentionDays(retentionDays) + " days (from "
                                + kept + "); older data is kept per UTC day. " + name + " must be a UTC midnight"
                                + " (e.g. a date with tz=UTC) or at or after " + kept + ".");
            }
        }
        return spans;
    }

    private static void onHour(String name, Instant value) {
        if (value != null && !BucketTable.HOURLY.onGrid(value)) {
            throw QueryParams.bad(
                    name,
                    "grid",
                    name + " must be a whole UTC hour (e.g. 2026-12-06T10:00:00Z, or a date in a whole-hour zone):"
                            + " the figures are kept per UTC hour, so a partial hour cannot be ranked exactly.");
        }
    }
}
