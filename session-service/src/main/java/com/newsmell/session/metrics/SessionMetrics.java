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
            double reviewConversionRate) {}
}
