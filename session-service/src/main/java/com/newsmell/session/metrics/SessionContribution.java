package com.newsmell.session.metrics;

import com.newsmell.session.session.SessionView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What one session adds to the real-time hourly session metrics (bucketed by the hour of its start). A re-fold
 * subtracts the session's old contribution and adds its new one, in the same transaction.
 */
public record SessionContribution(Key key, long[] values) {

    /** The hourly row a session counts in. */
    public record Key(Instant bucket, String deviceType, boolean isBot) {}

    /** Column names of {@link #values}, in order. */
    public static final String[] COLUMNS = {
        "sessions",
        "closed_sessions",
        "duration_seconds",
        "bounces",
        "page_views",
        "wishlist_sessions",
        "collection_sessions",
        "rating_sessions",
        "review_sessions"
    };

    public static SessionContribution of(SessionView s) {
        Key key = new Key(
                s.startTime().truncatedTo(ChronoUnit.HOURS), s.deviceType() == null ? "" : s.deviceType(), s.isBot());
        return new SessionContribution(key, new long[] {
            1,
            s.closed() ? 1 : 0,
            s.closed() && s.duration() != null ? s.duration() : 0,
            s.bounced() ? 1 : 0,
            s.pageViews(),
            s.addedToWishlist() ? 1 : 0,
            s.addedToCollection() ? 1 : 0,
            s.completedRating() ? 1 : 0,
            s.completedReview() ? 1 : 0
        });
    }

    /** Adds {@code sign} times this contribution to the deltas. */
    public void addTo(Map<Key, long[]> deltas, int sign) {
        long[] sum = deltas.computeIfAbsent(key, k -> new long[COLUMNS.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] += sign * values[i];
        }
    }
}
