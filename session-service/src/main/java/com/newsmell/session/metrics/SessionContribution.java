package com.newsmell.session.metrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What one session adds to the real-time hourly session metrics (bucketed by the hour of its start, UTC). A
 * re-fold takes the session's old contribution out and puts its new one in ({@link RollupChanges}).
 *
 * @param values one value per {@link #COLUMNS} column, in order
 */
public record SessionContribution(Key key, long[] values) {

    /** The hourly row a session counts in. */
    public record Key(Instant bucket, String deviceType, boolean isBot) {}

    /** The columns of session_metrics_hourly that {@link #values} adds to, in order. */
    public static final List<String> COLUMNS = List.of(
            "sessions",
            "closed_sessions",
            "duration_seconds",
            "duration_ms",
            "bounces",
            "page_views",
            "wishlist_sessions",
            "collection_sessions",
            "rating_sessions",
            "review_sessions");

    public static SessionContribution of(SessionFigures s) {
        Key key = new Key(
                s.startTime().truncatedTo(ChronoUnit.HOURS), s.deviceType() == null ? "" : s.deviceType(), s.isBot());
        return new SessionContribution(key, new long[] {
            1,
            s.closed() ? 1 : 0,
            s.closed() && s.duration() != null ? s.duration() : 0,
            s.closed() && s.durationMs() != null ? s.durationMs() : 0,
            s.bounced() ? 1 : 0,
            s.pageViews(),
            s.addedToWishlist() ? 1 : 0,
            s.addedToCollection() ? 1 : 0,
            s.completedRating() ? 1 : 0,
            s.completedReview() ? 1 : 0
        });
    }
}
