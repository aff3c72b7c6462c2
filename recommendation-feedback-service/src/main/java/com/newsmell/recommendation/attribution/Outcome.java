package com.newsmell.recommendation.attribution;

import java.time.Instant;

/**
 * What the conversions credited to one impression say (ADR 0023): each flag is true when at least one conversion of
 * its kind was credited; the times are the earliest credited one's.
 *
 * @param ratingValue the overall value of the latest credited rating (ties: the largest eventId); null without one
 */
public record Outcome(
        boolean viewed,
        Instant viewTime,
        boolean addedToWishlist,
        boolean addedToCollection,
        boolean rated,
        Double ratingValue,
        boolean purchased,
        Instant firstConversionTime) {

    public static final Outcome NONE = new Outcome(false, null, false, false, false, null, false, null);

    /** Added to the wishlist or the collection, rated or purchased. */
    public boolean converted() {
        return addedToWishlist || addedToCollection || rated || purchased;
    }
}
