package com.newsmell.session.metrics;

/**
 * The underlying counts of the sessions that started in one bucket, one breakdown value, or the whole range: the
 * sums the figures are computed from (one field per {@link SessionContribution#COLUMNS} column, in order) and the
 * distinct users and visitors of those sessions.
 */
public record SessionTotals(
        long sessions,
        long closedSessions,
        long durationSeconds,
        long durationMs,
        long bounces,
        long pageViews,
        long wishlistSessions,
        long collectionSessions,
        long ratingSessions,
        long reviewSessions,
        long uniqueUsers,
        long uniqueVisitors) {

    /** No sessions. */
    public static final SessionTotals NONE = new SessionTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts from {@code row[first]} on, in field order (as the repository's statements select them). */
    static SessionTotals of(Object[] row, int first) {
        long[] n = new long[12];
        for (int i = 0; i < n.length; i++) {
            n[i] = NativeSql.number(row[first + i]);
        }
        return new SessionTotals(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11]);
    }
}
