package com.newsmell.perfumestats.rating;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.RatingData;
import com.newsmell.perfumestats.event.Decimals;
import java.math.BigDecimal;

/**
 * The five rating dimensions, in this order: overall, longevity, sillage, priceValue, gender; each 1-5 (the seed's
 * {@code number}: decimals such as 4.5 are kept exactly) or null.
 */
public record RatingValues(BigDecimal[] values) {

    public static final int DIMENSIONS = 5;

    public static RatingValues of(BigDecimal... values) {
        return new RatingValues(values.clone());
    }

    /** The ratings of a RATING_COMPLETED / RATING_UPDATED event; null when it carries none. */
    public static RatingValues of(UserInteractionEvent event) {
        if (!(event.data() instanceof RatingData data) || data.ratings() == null) {
            return null;
        }
        RatingData.Ratings r = data.ratings();
        RatingValues v = of(
                Decimals.of(r.overall()),
                Decimals.of(r.longevity()),
                Decimals.of(r.sillage()),
                Decimals.of(r.priceValue()),
                Decimals.of(r.gender()));
        for (BigDecimal x : v.values) {
            if (x != null) {
                return v;
            }
        }
        return null;
    }

    public BigDecimal get(int dimension) {
        return values[dimension];
    }
}
