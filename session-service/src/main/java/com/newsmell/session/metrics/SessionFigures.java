package com.newsmell.session.metrics;

import java.time.Instant;

/**
 * The fields of a UserSession that the real-time session metrics add up ({@link SessionContribution}). The session
 * feature's view implements it, so metrics never depends on the session feature.
 */
public interface SessionFigures {

    Instant startTime();

    String deviceType();

    boolean isBot();

    boolean closed();

    /** Seconds, once closed; else null. */
    Integer duration();

    /** Milliseconds, once closed; else null. */
    Long durationMs();

    boolean bounced();

    int pageViews();

    boolean addedToWishlist();

    boolean addedToCollection();

    boolean completedRating();

    boolean completedReview();
}
