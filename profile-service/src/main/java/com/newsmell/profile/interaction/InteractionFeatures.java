package com.newsmell.profile.interaction;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's InteractionFeatures of one user and one perfume, from the rollup {@code user_perfume}; definitions in the
 * README ("Interaction features") and ADR 0020, computed by {@link FeatureRules}. Units are in the names (ADR 0015):
 * the seed's {@code totalViewDuration} is {@code totalViewDurationMs}, {@code viewRecency} is {@code viewRecencyDays},
 * {@code interactionFrequency} is {@code interactionFrequencyPerWeek}. The seed's {@code reviewSentiment} is not
 * served: no event carries a review's text or sentiment.
 */
public record InteractionFeatures(
        @Schema(description = "The user (the events' userId).")
        String userId,

        @Schema(description = "The perfume (the events' perfumeId).")
        String perfumeId,

        @Schema(
                description =
                        "The time viewRecencyDays and interactionFrequencyPerWeek are computed at: the request's.")
        Instant asOf,

        @Schema(description = "A RATING_COMPLETED or RATING_UPDATED with an overall value arrived.")
        boolean hasRated,

        @Schema(description = "The overall value (1-5) of the latest such rating by event time; absent if not rated.")
        Double ratingValue,

        @Schema(description = "A REVIEW_SUBMITTED arrived.") boolean hasReviewed,

        @Schema(
                description =
                        "In the wishlist now: the latest WISHLIST_ADD or WISHLIST_REMOVE by event time is an add.")
        boolean inWishlist,

        @Schema(description = "In the collection now: the latest COLLECTION_ADD or COLLECTION_REMOVE is an add.")
        boolean inCollection,

        @Schema(description = "PERFUME_VIEW events.") long viewCount,

        @Schema(description = "Their summed duration, ms (eventData.viewDuration, else the envelope's duration).")
        double totalViewDurationMs,

        @Schema(description = "The latest PERFUME_VIEW's timestamp; absent without a view (or one known, README).")
        Instant lastViewedAt,

        @Schema(
                description = "Days from lastViewedAt to asOf, fractional (4 decimals), at least 0; absent"
                        + " without lastViewedAt.")
        Double viewRecencyDays,

        @Schema(description = "The views' eventData.source values, most views first, ties by name.")
        List<String> viewSources,

        @Schema(description = "The views' deviceType values, most views first, ties by name.")
        List<String> deviceTypes,

        @Schema(description = "The earliest timestamp of the user's counted events with the perfume (any type).")
        Instant firstInteraction,

        @Schema(description = "The latest such timestamp.") Instant lastInteraction,

        @Schema(description = "The number of those events; absent when unknown (README: rows from before V8).")
        Long interactions,

        @Schema(
                description = "interactions per week since firstInteraction, as of asOf, the first week"
                        + " counted whole: interactions × 7 / max(7, days from firstInteraction to asOf),"
                        + " 4 decimals; absent with interactions.")
        Double interactionFrequencyPerWeek) {}
