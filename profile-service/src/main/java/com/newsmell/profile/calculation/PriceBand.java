package com.newsmell.profile.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * preferredPriceRange: over the positively engaged perfumes (engagement &gt; 0) whose price the catalog knows, each
 * once: min = the 10th percentile, max = the 90th, average = the mean, in the catalog's base currency rounded to cents.
 * Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7, as R, NumPy and spreadsheets do;
 * commons-math3's {@code R_7}). Null when no such perfume is known.
 */
public final class PriceBand {

    private PriceBand() {}

    public static PriceRange of(Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog) {
        List<BigDecimal> prices = engagement.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> catalog.get(e.getKey()))
                .filter(facts -> facts != null && facts.price() != null)
                .map(ProfileInputs.CatalogFacts::price)
                .toList();
        if (prices.isEmpty()) {
            return null;
        }
        double[] values = prices.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        BigDecimal sum = prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PriceRange(
                cents(percentile.evaluate(10)),
                cents(percentile.evaluate(90)),
                sum.divide(BigDecimal.valueOf(prices.size()), 2, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
