package com.newsmell.session.metrics;

import java.time.Instant;

/**
 * The underlying counts of one bucket of the session metrics, or of their whole range ({@code bucket} null): the
 * session_metrics_hourly sums (one field per {@link SessionContribution#COLUMNS} column) and the distinct users and
 * visitors of the sessions that started in it.
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
        long uniqueUsers,
        long uniqueVisitors) {}
