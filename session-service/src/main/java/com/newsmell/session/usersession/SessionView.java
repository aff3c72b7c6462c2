package com.newsmell.session.usersession;

import com.newsmell.session.metrics.SessionFigures;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The specification's UserSession as the API returns it (and as {@link SessionFold} computes it). Every field is
 * defined in docs/metrics.md ("session-service", "UserSession"); the descriptions below say the same in one line.
 */
public record SessionView(
        @Schema(description = "The client's sessionId.") String sessionId,

        @Schema(description = "The first non-null userId of the session's events, in event order; null if anonymous.")
        String userId,

        @Schema(description = "The time of the session's first event, UTC.")
        Instant startTime,

        @Schema(description = "The time of its last event once the session is closed; null while open.")
        Instant endTime,

        @Schema(
                description = "The seed's duration: endTime − startTime in whole seconds (rounded down) once closed;"
                        + " absent while open. durationMs is the same in milliseconds.")
        Integer duration,

        @Schema(description = "endTime − startTime in milliseconds once closed; absent while open.")
        Long durationMs,

        @Schema(description = "The time of the session's last event so far (what the idle timeout is measured from).")
        Instant lastEventTime,

        @Schema(description = "Closed: no event for the idle timeout (30 minutes) when the close job last ran.")
        boolean closed,

        @Schema(description = "The first non-null deviceType of its events.")
        String deviceType,

        @Schema(description = "The first non-null browser of its events.")
        String browser,

        @Schema(description = "The first non-null os of its events.")
        String os,

        @Schema(description = "The first non-null location of its events.")
        String location,

        @Schema(description = "The first event's referrer.") String referrer,

        @Schema(
                description = "The traffic source: the referrer's host, lower-cased, without www. (google.com), or"
                        + " (direct) without a referrer or without a host in it.")
        String source,

        @Schema(
                description = "Page views: events of the VIEW category (PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW,"
                        + " COLLECTION_VIEW).")
        int pageViews,

        @Schema(description = "Distinct perfumeIds of its PERFUME_VIEW events.")
        int perfumesViewed,

        @Schema(description = "The seed's totalInteractions: events of the RATING, REVIEW and COLLECTION categories.")
        int interactions,

        @Schema(description = "It has a WISHLIST_ADD.") boolean addedToWishlist,
        @Schema(description = "It has a COLLECTION_ADD.") boolean addedToCollection,
        @Schema(description = "It has a RATING_COMPLETED.") boolean completedRating,
        @Schema(description = "It has a REVIEW_SUBMITTED.") boolean completedReview,

        @Schema(description = "The path of its first page view; null without page views.")
        String entryPage,

        @Schema(description = "The path of its last page view once closed; null while open or without page views.")
        String exitPage,

        @Schema(
                description = "Closed with exactly one page view and no engagement event (anything but page views,"
                        + " NAVIGATION_CLICK, BACK_BUTTON, EXTERNAL_LINK and RECOMMENDATION_SHOWN).")
        boolean bounced,

        @Schema(description = "Any of its events came from a bot (the collector's isBot).")
        boolean isBot)
        implements SessionFigures {}
