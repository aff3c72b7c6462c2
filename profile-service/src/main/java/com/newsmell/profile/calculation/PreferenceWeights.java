package com.newsmell.profile.calculation;

import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Issue #11's preference weights. A perfume's engagement is the sum over the user's interactions with it in the
 * window of weight(type) × 0.5^(age / half-life): views, notes expanded, reviews submitted, wishlist adds and
 * collection adds on each UTC day, and the current rating (value − neutral) on the day it was given, if in the window.
 * Age is in whole UTC days before the run's day. A note's (house's) sum adds the engagement of every perfume carrying
 * it (a note in two layers of a perfume counts once); negative sums count as 0; a weight is the sum divided by the
 * largest one, so the top note and the top house weigh exactly 1 (rounded to 4 decimals).
 *
 * <p>Every contribution decays by the same factor from one day to the next, so the normalised weights change only when
 * the window's content changes. They are computed relative to the user's earliest contribution day (not the run's
 * day), so the same content gives bit-identical weights on any day.
 */
public final class PreferenceWeights {

    private PreferenceWeights() {}

    /** Each perfume's decayed engagement (any sign), by perfumeId. */
    public static Map<String, Double> engagement(
            List<PerfumeDay> perfumeDays, List<PerfumeState> perfumes, ProfileWindow window, ProfileRules rules) {
        ProfileRules.Weights w = rules.weights();
        List<PerfumeState> rated = perfumes.stream()
                .filter(p -> p.rating() != null && window.inWindow(day(p)))
                .toList();
        LocalDate origin = perfumeDays.stream()
                .map(PerfumeDay::day)
                .filter(window::inWindow)
                .min(Comparator.naturalOrder())
                .orElse(window.day());
        for (PerfumeState p : rated) {
            if (day(p).isBefore(origin)) {
                origin = day(p);
            }
        }
        Map<String, Double> engagement = new TreeMap<>();
        for (PerfumeDay d : perfumeDays) {
            if (!window.inWindow(d.day())) {
                continue;
            }
            double raw = d.views() * w.view()
                    + d.notesExpanded() * w.notesExpanded()
                    + d.reviews() * w.review()
                    + d.wishlistAdds() * w.wishlist()
                    + d.collectionAdds() * w.collection();
            engagement.merge(d.perfumeId(), raw * growth(origin, d.day(), w.halfLifeDays()), Double::sum);
        }
        for (PerfumeState p : rated) {
            double raw = p.rating().value().doubleValue() - w.ratingNeutral();
            engagement.merge(p.perfumeId(), raw * growth(origin, day(p), w.halfLifeDays()), Double::sum);
        }
        return engagement;
    }

    /**
     * 0.5^(age / half-life) up to a factor common to every contribution: 2^((day − origin) / half-life), so that a
     * contribution one half-life older weighs half as much.
     */
    static double growth(LocalDate origin, LocalDate day, double halfLifeDays) {
        return Math.pow(2, ChronoUnit.DAYS.between(origin, day) / halfLifeDays);
    }

    private static LocalDate day(PerfumeState p) {
        return LocalDate.ofInstant(p.rating().at(), java.time.ZoneOffset.UTC);
    }

    /** The top {@code limit} notes, weights 0–1. */
    public static List<Weighted> notes(
            Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog, int limit) {
        return top(KeySums.notes(engagement, catalog), limit);
    }

    /** The top {@code limit} houses, weights 0–1. */
    public static List<Weighted> houses(
            Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog, int limit) {
        return top(KeySums.houses(engagement, catalog), limit);
    }

    private static List<Weighted> top(KeySums sums, int limit) {
        double max = sums.max();
        if (max <= 0) {
            return List.of();
        }
        // The heaviest `limit` positive sums, kept in a heap whose head is the lightest of them.
        PriorityQueue<Sum> heaviest = new PriorityQueue<>(limit + 1, (a, b) -> heavierFirst(b, a));
        sums.forEach((key, total) -> {
            if (total <= 0) {
                return;
            }
            if (heaviest.size() < limit) {
                heaviest.add(new Sum(key, total));
            } else if (heavier(total, key, heaviest.peek())) {
                heaviest.poll();
                heaviest.add(new Sum(key, total));
            }
        });
        List<Sum> top = new ArrayList<>(heaviest);
        top.sort(PreferenceWeights::heavierFirst);
        List<Weighted> weights = new ArrayList<>(top.size());
        for (Sum sum : top) {
            weights.add(new Weighted(sum.key(), round(sum.total() / max, 4)));
        }
        return List.copyOf(weights);
    }

    private record Sum(String key, double total) {}

    /** Whether this total and key come before the sum in {@link #heavierFirst} order. */
    private static boolean heavier(double total, String key, Sum than) {
        int byTotal = Double.compare(than.total(), total);
        return byTotal != 0 ? byTotal < 0 : key.compareTo(than.key()) < 0;
    }

    /** By total descending, then by key. */
    private static int heavierFirst(Sum a, Sum b) {
        int byTotal = Double.compare(b.total(), a.total());
        return byTotal != 0 ? byTotal : a.key().compareTo(b.key());
    }

    /**
     * {@code value} rounded half-even to {@code decimals} decimals of its shortest decimal form (as {@code
     * BigDecimal.valueOf(value).setScale(decimals, HALF_EVEN)}). Away from a tie the double arithmetic gives the same
     * result; within a hair of one, BigDecimal decides.
     */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double scaled = value * scale;
        double fraction = scaled - Math.floor(scaled);
        if (Double.isFinite(scaled) && Math.abs(fraction - 0.5) > 1e-9 * Math.max(1, Math.abs(scaled))) {
            return Math.rint(scaled) / scale;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
