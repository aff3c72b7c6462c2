package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import java.util.HashSet;
import java.util.Set;

/**
 * The additive counts behind {@link RecommendationFigures}: impressions and what became of them, summed row by row.
 * Coverage keeps the set of perfumes (distinct perfumes are not additive). Not thread-safe.
 */
public final class Counts {

    long impressions;
    long clicks;
    long timedClicks;
    long timeToClickMsSum;
    long views;
    long wishlistAdds;
    long collectionAdds;
    long ratings;
    long purchases;
    long conversions;
    long thumbsUp;
    long thumbsDown;
    long hides;
    long reports;
    long randomizedImpressions;
    long randomizedClicks;
    long clicksWithoutImpression;
    long debiasedImpressions;
    double weightedClicks;
    /** Coverage read from the rollup, where the perfumes themselves are not kept. */
    long storedCoverage;

    final Set<String> perfumes = new HashSet<>();

    /** Adds one attributed impression; its click is weighted by the propensity of its slot, when there is one. */
    public void add(AttributedRow attributed, Propensities propensities) {
        LedgerRow r = attributed.row();
        Outcome o = attributed.outcome();
        impressions++;
        perfumes.add(r.perfumeId());
        if (r.clicked()) {
            clicks++;
            Long ttc = r.timeToClickMs();
            if (ttc != null) {
                timedClicks++;
                timeToClickMsSum += ttc;
            }
        }
        views += o.viewed() ? 1 : 0;
        wishlistAdds += o.addedToWishlist() ? 1 : 0;
        collectionAdds += o.addedToCollection() ? 1 : 0;
        ratings += o.rated() ? 1 : 0;
        purchases += o.purchased() ? 1 : 0;
        conversions += o.converted() ? 1 : 0;
        thumbsUp += r.thumbsUp() ? 1 : 0;
        thumbsDown += r.thumbsDown() ? 1 : 0;
        hides += r.hidPerfume() ? 1 : 0;
        reports += r.reportedIrrelevant() ? 1 : 0;
        if (r.randomized()) {
            randomizedImpressions++;
            randomizedClicks += r.clicked() ? 1 : 0;
        }
        Double weight = propensities == null ? null : propensities.weight(r.source(), r.position());
        if (weight != null) {
            debiasedImpressions++;
            weightedClicks += r.clicked() ? weight : 0;
        }
    }

    public void addClickWithoutImpression() {
        clicksWithoutImpression++;
    }

    /** Adds another's counts (and perfumes) to these. */
    public Counts plus(Counts o) {
        impressions += o.impressions;
        clicks += o.clicks;
        timedClicks += o.timedClicks;
        timeToClickMsSum += o.timeToClickMsSum;
        views += o.views;
        wishlistAdds += o.wishlistAdds;
        collectionAdds += o.collectionAdds;
        ratings += o.ratings;
        purchases += o.purchases;
        conversions += o.conversions;
        thumbsUp += o.thumbsUp;
        thumbsDown += o.thumbsDown;
        hides += o.hides;
        reports += o.reports;
        randomizedImpressions += o.randomizedImpressions;
        randomizedClicks += o.randomizedClicks;
        clicksWithoutImpression += o.clicksWithoutImpression;
        debiasedImpressions += o.debiasedImpressions;
        weightedClicks += o.weightedClicks;
        perfumes.addAll(o.perfumes);
        return this;
    }

    public long impressions() {
        return impressions;
    }

    public long clicks() {
        return clicks;
    }

    public long randomizedImpressions() {
        return randomizedImpressions;
    }

    public long randomizedClicks() {
        return randomizedClicks;
    }

    public long coverage() {
        return perfumes.size() + storedCoverage;
    }

    /** The success count of a metric (ctr: clicks, wishlistRate: wishlist adds, ...). */
    public long successes(String metric) {
        return switch (metric) {
            case "ctr" -> clicks;
            case "viewRate" -> views;
            case "wishlistRate" -> wishlistAdds;
            case "collectionRate" -> collectionAdds;
            case "ratingRate" -> ratings;
            case "purchaseRate" -> purchases;
            case "conversionRate" -> conversions;
            case "thumbsUpRate" -> thumbsUp;
            case "thumbsDownRate" -> thumbsDown;
            case "hideRate" -> hides;
            case "reportRate" -> reports;
            default -> throw new IllegalArgumentException("not a count metric: " + metric);
        };
    }

    public double weightedClicks() {
        return weightedClicks;
    }

    public long debiasedImpressions() {
        return debiasedImpressions;
    }
}
