package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.stats.PositionBias;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures of recommendation metrics over a window, a bucket or a breakdown value. Each description is its
 * definition in docs/metrics.md (recommendation-feedback-service, Recommendation metrics). Every rate is a count
 * over impressions, 0-1, absent without impressions; conversions count on the day of their impression (ADR 0023).
 */
public record RecommendationFigures(
        @Schema(
                description = "Impressions: ledger rows (one per recommendation and perfume) whose impressionTime (the"
                        + " earliest non-bot RECOMMENDATION_SHOWN) falls in the window. Unit: rows.")
        long impressions,

        @Schema(description = "The impressions that were clicked, whenever the click came. Unit: rows.")
        long clicks,

        @Schema(description = "clicks / impressions.", minimum = "0", maximum = "1")
        Double clickThroughRate,

        @Schema(
                description = "Clicked rows without any impression (their RECOMMENDATION_SHOWN never arrived), by their"
                        + " first click in the window; in no other figure. Unit: rows.")
        long clicksWithoutImpression,

        @Schema(description = "Impressions credited a PERFUME_VIEW of their perfume (attribution). Unit: rows.")
        long views,

        @Schema(description = "views / impressions.", minimum = "0", maximum = "1")
        Double viewRate,

        @Schema(description = "Impressions credited a WISHLIST_ADD (attribution). Unit: rows.")
        long wishlistAdds,

        @Schema(description = "wishlistAdds / impressions.", minimum = "0", maximum = "1")
        Double wishlistRate,

        @Schema(description = "Impressions credited a COLLECTION_ADD (attribution). Unit: rows.")
        long collectionAdds,

        @Schema(description = "collectionAdds / impressions.", minimum = "0", maximum = "1")
        Double collectionRate,

        @Schema(description = "Impressions credited a RATING_COMPLETED (attribution). Unit: rows.")
        long ratings,

        @Schema(description = "ratings / impressions.", minimum = "0", maximum = "1")
        Double ratingRate,

        @Schema(description = "Impressions credited a PURCHASE_COMPLETED (attribution). Unit: rows.")
        long purchases,

        @Schema(description = "purchases / impressions.", minimum = "0", maximum = "1")
        Double purchaseRate,

        @Schema(
                description = "Impressions credited a wishlist add, collection add, rating or purchase (any of them)."
                        + " Unit: rows.")
        long conversions,

        @Schema(description = "conversions / impressions.", minimum = "0", maximum = "1")
        Double conversionRate,

        @Schema(description = "Impressions that got a thumbs up (RECOMMENDATION_FEEDBACK). Unit: rows.")
        long thumbsUp,

        @Schema(description = "thumbsUp / impressions.", minimum = "0", maximum = "1")
        Double thumbsUpRate,

        @Schema(description = "Impressions that got a thumbs down. Unit: rows.")
        long thumbsDown,

        @Schema(description = "thumbsDown / impressions.", minimum = "0", maximum = "1")
        Double thumbsDownRate,

        @Schema(description = "Impressions whose perfume the viewer hid. Unit: rows.")
        long hides,

        @Schema(description = "hides / impressions.", minimum = "0", maximum = "1")
        Double hideRate,

        @Schema(description = "Impressions reported irrelevant. Unit: rows.")
        long reports,

        @Schema(description = "reports / impressions.", minimum = "0", maximum = "1")
        Double reportRate,

        @Schema(description = "Coverage: distinct perfumes among the impressions. Unit: perfumes.")
        long coverage,

        @Schema(
                description = "Mean of clickTime - impressionTime over the clicked impressions whose click came at or"
                        + " after the impression. Unit: milliseconds.")
        Double meanTimeToClickMs,

        @Schema(
                description = "Impressions whose (source, position) has an estimated propensity, the base of"
                        + " debiasedClickThroughRate. Unit: rows.")
        long debiasedImpressions,

        @Schema(
                description = "Position-debiased CTR by inverse propensity weighting (Joachims et al., WSDM 2017):"
                        + " sum of clicked / propensity(source, position) over debiasedImpressions, divided by them;"
                        + " the CTR had every impression been at position 0. Propensities come from the window's"
                        + " randomized impressions; absent without any estimated one.",
                minimum = "0")
        Double debiasedClickThroughRate) {

    public static RecommendationFigures of(Counts c) {
        long n = c.impressions;
        return new RecommendationFigures(
                n,
                c.clicks,
                rate(c.clicks, n),
                c.clicksWithoutImpression,
                c.views,
                rate(c.views, n),
                c.wishlistAdds,
                rate(c.wishlistAdds, n),
                c.collectionAdds,
                rate(c.collectionAdds, n),
                c.ratings,
                rate(c.ratings, n),
                c.purchases,
                rate(c.purchases, n),
                c.conversions,
                rate(c.conversions, n),
                c.thumbsUp,
                rate(c.thumbsUp, n),
                c.thumbsDown,
                rate(c.thumbsDown, n),
                c.hides,
                rate(c.hides, n),
                c.reports,
                rate(c.reports, n),
                c.coverage(),
                c.timedClicks == 0 ? null : (double) c.timeToClickMsSum / c.timedClicks,
                c.debiasedImpressions,
                PositionBias.debiasedCtr(c.weightedClicks, c.debiasedImpressions));
    }

    static Double rate(long count, long impressions) {
        return impressions == 0 ? null : (double) count / impressions;
    }
}
