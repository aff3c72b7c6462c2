package com.newsmell.perfumestats.rating;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.RatingData;

/**
 * The five rating dimensions, in this order: overall, longevity, sillage, priceValue, gender; each 1-5 or null.
 */
public record RatingValues(Short[] values) {

    public static final int DIMENSIONS = 5;

    public static RatingValues of(Short... values) {
        return new RatingValues(values.clone());
    }

    /** The ratings of a RATING_COMPLETED / RATING_UPDATED event; null when it carries none. */
    public static RatingValues of(UserInteractionEvent event) {
        if (!(event.data() instanceof RatingData data) || data.ratings() == null) {
            return null;
        }
        RatingData.Ratings r = data.ratings();
        RatingValues v = of(s(r.overall()), s(r.longevity()), s(r.sillage()), s(r.priceValue()), s(r.gender()));
        for (Short x : v.values) {
            if (x != null) {
                return v;
            }
        }
        return null;
    }

    public Short get(int dimension) {
        return values[dimension];
    }

    private static Short s(Integer i) {
        return i == null ? null : i.shortValue();
    }
}
