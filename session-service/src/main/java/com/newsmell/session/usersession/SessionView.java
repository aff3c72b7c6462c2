package com.newsmell.session.usersession;

import com.newsmell.session.metrics.SessionFigures;
import java.time.Instant;

/**
 * The specification's UserSession as the API returns it (and as {@link SessionFold} computes it).
 *
 * @param endTime the last event's time once the session is closed, else null
 * @param duration {@code endTime - startTime} in seconds once closed, else null
 * @param lastEventTime the last event's time so far (what the close job compares with the idle timeout)
 */
public record SessionView(
        String sessionId,
        String userId,
        Instant startTime,
        Instant endTime,
        Integer duration,
        Instant lastEventTime,
        boolean closed,
        String deviceType,
        String browser,
        String os,
        String location,
        String referrer,
        int pageViews,
        int perfumesViewed,
        int interactions,
        boolean addedToWishlist,
        boolean addedToCollection,
        boolean completedRating,
        boolean completedReview,
        String entryPage,
        String exitPage,
        boolean bounced,
        boolean isBot)
        implements SessionFigures {}
