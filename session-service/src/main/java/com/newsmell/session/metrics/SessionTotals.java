package com.newsmell.session.metrics;

import java.time.Instant;

/**
 * The session_metrics_hourly sums of one hour or day bucket (one field per {@link SessionContribution#COLUMNS}
 * column), with the bucket's unique users.
 */
public record SessionTotals(
        Instant bucket,
        long sessions,
        long closedSessions,
        long durationSeconds,
        long bounces,
        long pageViews,
        long wishlistSessions,
        long collectionSessions,
        long ratingSessions,
        long reviewSessions,
        long uniqueUsers) {}
