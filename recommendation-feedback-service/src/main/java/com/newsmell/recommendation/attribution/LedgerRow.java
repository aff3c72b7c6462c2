package com.newsmell.recommendation.attribution;

import java.time.Instant;

/**
 * A ledger row as attribution and the metrics read it: the row's facts and its viewer, stitched (ADR 0023).
 *
 * @param id the row's surrogate id
 * @param userId the row's own userId, else its session's user once one is known (stitched); null: anonymous
 * @param anonymousId the anonymous id of the row's earliest event (its sessionId)
 * @param impressionTime null while the row's RECOMMENDATION_SHOWN has not arrived
 */
public record LedgerRow(
        long id,
        String recommendationId,
        String perfumeId,
        String userId,
        String anonymousId,
        Instant impressionTime,
        String source,
        String algorithm,
        String algorithmVersion,
        Integer position,
        Double confidence,
        Double similarityScore,
        boolean randomized,
        boolean clicked,
        Instant clickTime,
        boolean thumbsUp,
        boolean thumbsDown,
        boolean hidPerfume,
        boolean reportedIrrelevant,
        String reportReason,
        Instant feedbackTime) {

    /** The viewer key attribution matches on: the user, else the anonymous id (never confused with a user). */
    public String viewer() {
        return Viewers.key(userId, anonymousId);
    }

    /** Whether the viewer is identified (own userId or stitched). */
    public boolean identified() {
        return userId != null;
    }

    /** Milliseconds from the impression to the first click; null without both, or for a click before it. */
    public Long timeToClickMs() {
        if (impressionTime == null || clickTime == null || clickTime.isBefore(impressionTime)) {
            return null;
        }
        return clickTime.toEpochMilli() - impressionTime.toEpochMilli();
    }

    /** thumbsDown, hidPerfume or reportedIrrelevant. */
    public boolean negativeFeedback() {
        return thumbsDown || hidPerfume || reportedIrrelevant;
    }
}
