package com.newsmell.perfumestats.rating;

import com.newsmell.contract.UserInteractionEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How RATING_COMPLETED / RATING_UPDATED change each user's rating of a perfume: the event latest by event time
 * wins and replaces the user's earlier values wholesale (it never adds a second rating); an event not later than
 * the stored {@code asOf} changes nothing (on equal times the first one applied stays).
 */
public final class RatingChanges {

    private RatingChanges() {}

    /** Applies each pair's latest rating event; returns per perfumeId how the sums and counts change. */
    public static Map<String, RatingDelta> apply(
            Map<PerfumeRating.Key, UserInteractionEvent> latest,
            Map<PerfumeRating.Key, PerfumeRating> known,
            List<PerfumeRating> created) {
        Map<String, RatingDelta> delta = new HashMap<>();
        latest.forEach((key, event) -> {
            RatingValues values = RatingValues.of(event);
            PerfumeRating rating = known.get(key);
            if (rating == null) {
                rating = new PerfumeRating();
                rating.userKey = key.userKey;
                rating.perfumeId = key.perfumeId;
                rating.set(values);
                rating.asOf = event.timestamp();
                created.add(rating);
                delta.computeIfAbsent(key.perfumeId, k -> new RatingDelta()).replace(null, values);
            } else if (event.timestamp().isAfter(rating.asOf)) {
                delta.computeIfAbsent(key.perfumeId, k -> new RatingDelta()).replace(rating.values(), values);
                rating.set(values);
                rating.asOf = event.timestamp();
            }
        });
        return delta;
    }
}
