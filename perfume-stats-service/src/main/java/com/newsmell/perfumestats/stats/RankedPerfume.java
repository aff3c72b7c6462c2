package com.newsmell.perfumestats.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.newsmell.perfumestats.timeseries.BucketRepository;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One perfume of a ranking: its statistics (all time, as GET /v1/perfumes/{id}/stats answers them) and the value it
 * was ranked by, over the ranking's window, with a rate's numerator and denominator.
 */
@Schema(description = "A ranked perfume: its statistics and the value it was ranked by.")
public record RankedPerfume(
        @JsonUnwrapped PerfumeStatsView stats,

        @Schema(
                description = "The value ranked by, over the ranking's window (all time without from/to): a count, a"
                        + " rate or average (numerator / denominator), or the trending score.")
        Number value,

        @Schema(description = "A rate's or average's numerator over the window (absent for a count or a score).")
        Number numerator,

        @Schema(
                description = "A rate's or average's denominator over the window, at least minSample (absent for a"
                        + " count or a score).")
        Number denominator) {

    /** Ranked over all time by the metric's stored column. */
    static RankedPerfume allTime(TopMetric metric, PerfumeInteractionStats s) {
        PerfumeStatsView view = PerfumeStatsView.of(s);
        if (metric.isCount()) {
            return new RankedPerfume(view, metric.numerator.apply(s).longValue(), null, null);
        }
        Number numerator = metric.numerator.apply(s);
        Number denominator = metric.denominator.apply(s);
        return new RankedPerfume(view, value(numerator, denominator), decimal(numerator), denominator);
    }

    /** Ranked by the metric summed over a window's buckets. */
    static RankedPerfume windowed(TopMetric metric, PerfumeInteractionStats s, BucketRepository.WindowTotal total) {
        PerfumeStatsView view = PerfumeStatsView.of(s);
        if (metric.isCount()) {
            return new RankedPerfume(view, total.numerator().longValueExact(), null, null);
        }
        Number numerator = metric.decimalNumerator()
                ? (Number) total.numerator().doubleValue()
                : (Number) total.numerator().longValueExact();
        return new RankedPerfume(view, value(total.numerator(), total.denominator()), numerator, total.denominator());
    }

    /** Ranked by the stored trending score. */
    static RankedPerfume trending(PerfumeInteractionStats s) {
        return new RankedPerfume(PerfumeStatsView.of(s), s.trendingScore, null, null);
    }

    private static Double value(Number numerator, Number denominator) {
        double d = denominator.doubleValue();
        return d == 0 ? null : numerator.doubleValue() / d;
    }

    /** Counts stay whole; decimal sums (durations in ms, rating points) are served with their decimals. */
    private static Number decimal(Number n) {
        return n instanceof BigDecimal b ? (Number) b.doubleValue() : n;
    }
}
