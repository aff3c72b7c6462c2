package com.newsmell.recommendation.attribution;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversion as stored (recommendation_conversion): a viewer's view, wishlist add, collection add, rating or
 * purchase of a perfume.
 *
 * @param kind view, wishlist, collection, rating or purchase
 * @param userId the event's userId, else its session's user once one is known (stitched)
 * @param sessionId the event's sessionId (the anonymous id)
 * @param recommendationId the recommendation the event names, if any
 * @param rating the overall rating value of a rating
 */
public record ConversionFact(
        UUID eventId,
        String kind,
        String perfumeId,
        String userId,
        String sessionId,
        String recommendationId,
        Instant at,
        Double rating) {

    public static final String VIEW = "view";
    public static final String WISHLIST = "wishlist";
    public static final String COLLECTION = "collection";
    public static final String RATING = "rating";
    public static final String PURCHASE = "purchase";

    public String viewer() {
        return Viewers.key(userId, sessionId);
    }
}
