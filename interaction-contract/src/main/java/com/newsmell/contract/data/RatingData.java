package com.newsmell.contract.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * eventData of RATING_STARTED, RATING_COMPLETED and RATING_UPDATED.
 *
 * <p>The seed's {@code number} fields are {@link Double}s: a rating of 4.5 is kept as 4.5 (ADR 0014).
 *
 * @param ratings the rating values, each 1-5
 * @param timeToComplete seconds, {@code >= 0}
 * @param categoriesRated number of rated categories, {@code >= 0}
 * @param edited whether the rating was edited
 * @param previousRatings raw previous rating values
 * @param source one of {@link #SOURCES}
 * @param hadPreviousRating whether the user had rated before
 */
public record RatingData(
        Ratings ratings,
        Double timeToComplete,
        Double categoriesRated,
        Boolean edited,
        ObjectNode previousRatings,
        String source,
        Boolean hadPreviousRating)
        implements EventData {

    public static final Set<String> SOURCES = Set.of("detail_page", "collection", "prompt");
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    /** Rating values, each a number 1-5 (decimals allowed) or null. */
    public record Ratings(Double overall, Double longevity, Double sillage, Double priceValue, Double gender) {}
}
