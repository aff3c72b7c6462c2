package com.newsmell.session.metrics;

import java.time.Instant;
import java.util.List;

/** GET /v1/sessions/metrics: per bucket of the hour or day (UTC) the sessions started in. */
public record SessionMetrics(
        Instant from, Instant to, String granularity, String deviceType, boolean includeBots, List<Bucket> buckets) {

    /**
     * @param averageDuration seconds, over the bucket's closed sessions (null if none is closed yet)
     * @param bounceRate bounced ÷ closed sessions (null if none is closed yet)
     * @param pagesPerSession page views ÷ sessions
     */
    public record Bucket(
            Instant start,
            long sessions,
            long uniqueUsers,
            Double averageDuration,
            Double bounceRate,
            double pagesPerSession,
            double wishlistConversionRate,
            double collectionConversionRate,
            double ratingConversionRate,
            double reviewConversionRate) {

        /** The bucket's figures from its sums (a bucket with sessions: the repository leaves empty ones out). */
        public static Bucket of(SessionTotals t) {
            long closed = t.closedSessions();
            double sessions = t.sessions();
            return new Bucket(
                    t.bucket(),
                    t.sessions(),
                    t.uniqueUsers(),
                    closed == 0 ? null : (double) t.durationSeconds() / closed,
                    closed == 0 ? null : (double) t.bounces() / closed,
                    t.pageViews() / sessions,
                    t.wishlistSessions() / sessions,
                    t.collectionSessions() / sessions,
                    t.ratingSessions() / sessions,
                    t.reviewSessions() / sessions);
        }
    }
}
