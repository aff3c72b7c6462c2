package com.newsmell.session.metrics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of GET /v1/sessions/metrics over a bucket, a breakdown value or the whole range, from their underlying
 * counts ({@link SessionTotals}). Every figure is defined in docs/metrics.md ("session-service"); durations are in
 * milliseconds, rates are fractions 0-1, absent when their denominator is 0.
 */
public record SessionMetricsTotals(
        @Schema(description = "Sessions whose startTime is in the interval (open and closed).")
        long sessions,

        @Schema(
                description = "Of those, the closed ones (idle for 30 min): the denominator of averageDurationMs and"
                        + " bounceRate.")
        long closedSessions,

        @Schema(
                description = "Distinct userIds of the sessions (identified users; an anonymous session counts only as"
                        + " a visitor).")
        long uniqueUsers,

        @Schema(
                description = "Distinct visitors: a session's userId, else its sessionId (each anonymous session is"
                        + " one visitor).")
        long uniqueVisitors,

        @Schema(description = "Sum of the closed sessions' durationMs (endTime − startTime), in milliseconds.")
        long durationMs,

        @Schema(description = "durationMs ÷ closedSessions, in milliseconds; absent without closed sessions.")
        Double averageDurationMs,

        @Schema(
                description = "Closed sessions with exactly one page view (VIEW event) and no engagement event"
                        + " (anything but page views, navigation events and RECOMMENDATION_SHOWN).")
        long bounces,

        @Schema(description = "bounces ÷ closedSessions; absent without closed sessions.")
        Double bounceRate,

        @Schema(description = "Page views (VIEW category events) of the sessions.")
        long pageViews,

        @Schema(description = "pageViews ÷ sessions; absent without sessions.")
        Double pagesPerSession,

        @Schema(description = "Sessions with a WISHLIST_ADD (addedToWishlist).")
        long wishlistSessions,

        @Schema(description = "wishlistSessions ÷ sessions; absent without sessions.")
        Double wishlistConversionRate,

        @Schema(description = "Sessions with a COLLECTION_ADD (addedToCollection).")
        long collectionSessions,

        @Schema(description = "collectionSessions ÷ sessions; absent without sessions.")
        Double collectionConversionRate,

        @Schema(description = "Sessions with a RATING_COMPLETED (completedRating).")
        long ratingSessions,

        @Schema(description = "ratingSessions ÷ sessions; absent without sessions.")
        Double ratingConversionRate,

        @Schema(description = "Sessions with a REVIEW_SUBMITTED (completedReview).")
        long reviewSessions,

        @Schema(description = "reviewSessions ÷ sessions; absent without sessions.")
        Double reviewConversionRate,

        @Schema(
                deprecated = true,
                description = "Deprecated: use durationMs. Sum of the closed sessions' duration in whole seconds.")
        long durationSeconds,

        @Schema(
                deprecated = true,
                description = "Deprecated: use averageDurationMs. durationSeconds ÷ closedSessions, in seconds.")
        Double averageDuration) {

    /** The figures from their underlying counts. */
    public static SessionMetricsTotals of(SessionTotals t) {
        return new SessionMetricsTotals(
                t.sessions(),
                t.closedSessions(),
                t.uniqueUsers(),
                t.uniqueVisitors(),
                t.durationMs(),
                Rates.of(t.durationMs(), t.closedSessions()),
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
                Rates.of(t.reviewSessions(), t.sessions()),
                t.durationSeconds(),
                Rates.of(t.durationSeconds(), t.closedSessions()));
    }
}
