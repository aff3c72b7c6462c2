package com.newsmell.session.metrics;

import com.newsmell.toolkit.http.TimeGrid;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /v1/sessions/metrics: the sessions that started in [from, to), per bucket of the hour or day (UTC) they
 * started in, and over the whole range. Every figure is defined in docs/metrics.md ("session-service").
 */
public record SessionMetrics(
        @Schema(description = "Start of the range answered for (inclusive, on the granularity's UTC grid).")
        Instant from,

        @Schema(description = "End of the range answered for (exclusive, on the granularity's UTC grid).")
        Instant to,

        @Schema(description = "hour or day: the buckets' length, and the grid from and to fall on.")
        String granularity,

        @Schema(description = "Only sessions of this deviceType (their first event's that has one); null: every one.")
        String deviceType,

        @Schema(description = "Whether bot sessions (isBot) are counted.")
        boolean includeBots,

        @Schema(
                description = "The figures of the whole range, from its underlying counts (never an average of the"
                        + " buckets); uniqueUsers and uniqueVisitors are distinct over the whole range.")
        Row totals,

        @Schema(
                description = "One row per bucket that has sessions, in time order; buckets without sessions are left"
                        + " out.")
        List<Row> buckets) {

    /**
     * The figures of the sessions that started in [start, end). Immediate: updated in the consumer's transaction, so
     * no {@code asOf}.
     */
    public record Row(
            @Schema(description = "Start of the interval (inclusive, UTC).")
            Instant start,

            @Schema(description = "End of the interval (exclusive, UTC).")
            Instant end,

            @Schema(description = "Sessions whose startTime is in the interval (open and closed).")
            long sessions,

            @Schema(
                    description = "Of those, the closed ones (idle for 30 min): the denominator of averageDuration and"
                            + " bounceRate.")
            long closedSessions,

            @Schema(
                    description = "Distinct userIds of the sessions (identified users; an anonymous session counts"
                            + " only as a visitor).")
            long uniqueUsers,

            @Schema(
                    description = "Distinct visitors: a session's userId, else its sessionId (each anonymous session"
                            + " is one visitor).")
            long uniqueVisitors,

            @Schema(
                    description =
                            "Sum of the closed sessions' duration, in whole seconds: averageDuration's numerator.")
            long durationSeconds,

            @Schema(description = "durationSeconds ÷ closedSessions, in seconds; null without closed sessions.")
            Double averageDuration,

            @Schema(
                    description = "Closed sessions with exactly one page view (VIEW event) and no engagement event"
                            + " (anything but page views, navigation events and RECOMMENDATION_SHOWN).")
            long bounces,

            @Schema(description = "bounces ÷ closedSessions; null without closed sessions.")
            Double bounceRate,

            @Schema(description = "Page views (VIEW category events) of the sessions.")
            long pageViews,

            @Schema(description = "pageViews ÷ sessions; null without sessions.")
            Double pagesPerSession,

            @Schema(description = "Sessions with a WISHLIST_ADD (addedToWishlist).")
            long wishlistSessions,

            @Schema(description = "wishlistSessions ÷ sessions; null without sessions.")
            Double wishlistConversionRate,

            @Schema(description = "Sessions with a COLLECTION_ADD (addedToCollection).")
            long collectionSessions,

            @Schema(description = "collectionSessions ÷ sessions; null without sessions.")
            Double collectionConversionRate,

            @Schema(description = "Sessions with a RATING_COMPLETED (completedRating).")
            long ratingSessions,

            @Schema(description = "ratingSessions ÷ sessions; null without sessions.")
            Double ratingConversionRate,

            @Schema(description = "Sessions with a REVIEW_SUBMITTED (completedReview).")
            long reviewSessions,

            @Schema(description = "reviewSessions ÷ sessions; null without sessions.")
            Double reviewConversionRate) {

        /** The figures of [start, end) from its underlying counts. */
        public static Row of(Instant start, Instant end, SessionTotals t) {
            return new Row(
                    start,
                    end,
                    t.sessions(),
                    t.closedSessions(),
                    t.uniqueUsers(),
                    t.uniqueVisitors(),
                    t.durationSeconds(),
                    Rates.of(t.durationSeconds(), t.closedSessions()),
                    t.bounces(),
                    Rates.of(t.bounces(), t.closedSessions()),
                    t.pageViews(),
                    Rates.of(t.pageViews(), t.sessions()),
                    t.wishlistSessions(),
                    Rates.of(t.wishlistSessions(), t.sessions()),
                    t.collectionSessions(),
                    Rates.of(t.collectionSessions(), t.sessions()),
                    t.ratingSessions(),
                    Rates.of(t.ratingSessions(), t.sessions()),
                    t.reviewSessions(),
                    Rates.of(t.reviewSessions(), t.sessions()));
        }
    }

    /**
     * The response from the repository's rows: the one without a bucket is the whole range's, the others are the
     * buckets (each as long as the grid's bucket).
     */
    public static SessionMetrics of(
            TimeGrid.Range range, String deviceType, boolean includeBots, List<SessionTotals> rows) {
        SessionTotals whole = rows.stream()
                .filter(r -> r.bucket() == null)
                .findFirst()
                .orElse(new SessionTotals(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        List<Row> buckets = rows.stream()
                .filter(r -> r.bucket() != null)
                .map(r -> Row.of(r.bucket(), r.bucket().plus(range.grid().bucket()), r))
                .toList();
        return new SessionMetrics(
                range.from(),
                range.to(),
                range.grid().parameter,
                deviceType,
                includeBots,
                Row.of(range.from(), range.to(), whole),
                buckets);
    }
}
