package com.newsmell.perfumestats.rating;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.perfumestats.event.EventTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How RATING_COMPLETED / RATING_UPDATED change each user's rating of a perfume: the event latest by event time
 * ({@link EventTime}) wins and replaces the user's earlier values wholesale (it never adds a second rating); an
 * event not later than the stored {@code asOf} changes nothing (on equal times the first one applied stays).
 */
public final class RatingFold {

    private RatingFold() {}

    /**
     * Applies each pair's latest rating event of the batch to its locked row (a row whose {@code asOf} is null has
     * seen no event yet); returns per perfumeId how the sums and counts change.
     */
    public static Map<String, RatingDelta> fold(
            List<PerfumeRating> locked, Map<PerfumeRating.Key, UserInteractionEvent> latest) {
        Map<String, RatingDelta> delta = new HashMap<>();
        for (PerfumeRating rating : locked) {
            UserInteractionEvent event = latest.get(rating.key());
            if (event == null || (rating.asOf != null && !EventTime.of(event).isAfter(rating.asOf))) {
                continue;
            }
            RatingValues values = RatingValues.of(event);
            if (values == null) {
                continue; // an event without ratings changes no one's rating
            }
            delta.computeIfAbsent(rating.perfumeId, k -> new RatingDelta()).replace(rating.values(), values);
            rating.set(values);
            rating.asOf = EventTime.of(event);
        }
        return delta;
    }
}
