package com.newsmell.profile.features;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * pricePointIndex's scale: the catalog's prices at {@value #QUANTILES} + 1 evenly spaced quantiles (0 %, 5 %, …,
 * 100 %; type 7 like preferredPriceRange), frozen with the schema version; a price's index is the share of the catalog
 * priced below it, read from those points by linear interpolation.
 */
public final class PricePoints {

    /** Intervals between the points: 20, one point every 5 %. */
    public static final int QUANTILES = 20;

    private PricePoints() {}

    /** The points of these catalog prices (empty without a price), rounded to cents. */
    public static List<BigDecimal> of(List<BigDecimal> prices) {
        if (prices.isEmpty()) {
            return List.of();
        }
        double[] values = prices.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        List<BigDecimal> points = new ArrayList<>(QUANTILES + 1);
        for (int i = 0; i <= QUANTILES; i++) {
            double p = i == 0
                    ? java.util.Arrays.stream(values).min().orElseThrow()
                    : percentile.evaluate(100.0 * i / QUANTILES);
            points.add(BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_EVEN));
        }
        return List.copyOf(points);
    }

    /**
     * The share of the catalog priced below {@code price}, 0–1: 0 at or below the first point, 1 at or above the last,
     * else (i + (price − p_i) / (p_{i+1} − p_i)) / (n − 1) for the last point p_i at or below the price. 0 without
     * points.
     */
    public static double index(List<BigDecimal> points, BigDecimal price) {
        int n = points.size();
        if (n < 2 || price == null) {
            return 0;
        }
        if (price.compareTo(points.get(0)) <= 0) {
            return 0;
        }
        if (price.compareTo(points.get(n - 1)) >= 0) {
            return 1;
        }
        int i = 0;
        while (i + 1 < n && points.get(i + 1).compareTo(price) <= 0) {
            i++;
        }
        double low = points.get(i).doubleValue();
        double high = points.get(i + 1).doubleValue();
        double within = high > low ? (price.doubleValue() - low) / (high - low) : 0;
        return (i + within) / (n - 1);
    }
}
