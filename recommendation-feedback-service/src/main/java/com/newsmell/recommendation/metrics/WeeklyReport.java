package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import com.newsmell.toolkit.api.Breakdown;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The weekly performance report (Sunday 02:00): each algorithm's figures over the last whole week (Sunday 00:00 to
 * Sunday 00:00 UTC, as ADR 0019's weekly trends) and the week before, with the change of its main rates. Pure.
 */
public final class WeeklyReport {

    /** The rates whose week-over-week change is reported. */
    static final List<String> CHANGED = List.of(
            "clickThroughRate", "debiasedClickThroughRate", "viewRate", "wishlistRate", "conversionRate", "hideRate");

    private WeeklyReport() {}

    public record Algorithm(
            @Schema(description = "The algorithm ((unknown) for none).")
            String algorithm,

            @Schema(description = "The week's start (Sunday, UTC).")
            LocalDate weekStart,

            @Schema(description = "The week's figures.") RecommendationFigures week,

            @Schema(description = "The week before's figures.")
            RecommendationFigures previousWeek,

            @Schema(
                    description = "Per rate, this week's minus the week before's (absent when either is absent):"
                            + " clickThroughRate, debiasedClickThroughRate, viewRate, wishlistRate, conversionRate,"
                            + " hideRate.")
            Map<String, Double> change) {}

    /** The start of the last whole week (Sunday 00:00 UTC) ending at or before {@code clock}. */
    public static LocalDate weekStart(Instant clock) {
        LocalDate day = LocalDate.ofInstant(clock, ZoneOffset.UTC);
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).minusWeeks(1);
    }

    static List<Algorithm> of(
            LocalDate weekStart,
            List<AttributedRow> week,
            List<AttributedRow> previous,
            int minRandomized,
            double clip) {
        Map<String, RecommendationFigures> now = byAlgorithm(week, PositionBias.fromRows(week, minRandomized, clip));
        Map<String, RecommendationFigures> before =
                byAlgorithm(previous, PositionBias.fromRows(previous, minRandomized, clip));
        List<Algorithm> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(now.keySet());
        names.addAll(before.keySet());
        for (String name : names) {
            RecommendationFigures a = now.getOrDefault(name, RecommendationFigures.of(new Counts()));
            RecommendationFigures b = before.getOrDefault(name, RecommendationFigures.of(new Counts()));
            out.add(new Algorithm(name, weekStart, a, b, change(a, b)));
        }
        return out;
    }

    static Map<String, Double> change(RecommendationFigures now, RecommendationFigures before) {
        Map<String, Double> change = new LinkedHashMap<>();
        put(change, "clickThroughRate", now.clickThroughRate(), before.clickThroughRate());
        put(change, "debiasedClickThroughRate", now.debiasedClickThroughRate(), before.debiasedClickThroughRate());
        put(change, "viewRate", now.viewRate(), before.viewRate());
        put(change, "wishlistRate", now.wishlistRate(), before.wishlistRate());
        put(change, "conversionRate", now.conversionRate(), before.conversionRate());
        put(change, "hideRate", now.hideRate(), before.hideRate());
        return change;
    }

    private static void put(Map<String, Double> change, String name, Double now, Double before) {
        if (now != null && before != null) {
            change.put(name, now - before);
        }
    }

    private static Map<String, RecommendationFigures> byAlgorithm(List<AttributedRow> rows, Propensities p) {
        Map<String, Counts> counts = new TreeMap<>();
        for (AttributedRow a : rows) {
            counts.computeIfAbsent(Breakdown.value(a.row().algorithm()), k -> new Counts())
                    .add(a, p);
        }
        Map<String, RecommendationFigures> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, RecommendationFigures.of(c)));
        return out;
    }
}
