package com.newsmell.recommendation.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution rule (ADR 0023), pure: which impression each conversion is credited to. For a conversion of
 * perfume P at time t, the candidates are the impressions of P with {@code impressionTime <= t <
 * impressionTime + window}; among them:
 *
 * <ol>
 *   <li>the impression of the recommendation the conversion names ({@code recommendationId}), whoever its viewer
 *       (the link is the proof);
 *   <li>else the latest candidate shown to the same viewer (last touch; ties: the largest recommendationId).
 * </ol>
 *
 * A conversion without a candidate (before any impression of its perfume to its viewer, or after the window) is
 * credited to none. The result depends only on the sets of impressions and conversions, never on the order they
 * arrived in.
 */
public final class Attribution {

    private static final Comparator<LedgerRow> LAST_TOUCH =
            Comparator.comparing(LedgerRow::impressionTime).thenComparing(LedgerRow::recommendationId);

    private Attribution() {}

    /** The impression (its row id) a conversion is credited to, or null. */
    static LedgerRow target(ConversionFact c, List<LedgerRow> impressionsOfPerfume, Duration window) {
        LedgerRow named = null;
        LedgerRow last = null;
        String viewer = c.viewer();
        for (LedgerRow i : impressionsOfPerfume) {
            if (!qualifies(i, c.at(), window)) {
                continue;
            }
            if (c.recommendationId() != null && c.recommendationId().equals(i.recommendationId())) {
                named = i;
            }
            if (viewer.equals(i.viewer()) && (last == null || LAST_TOUCH.compare(i, last) > 0)) {
                last = i;
            }
        }
        return named != null ? named : last;
    }

    /** Whether a conversion at {@code at} falls in the impression's window: {@code impressionTime <= at < +window}. */
    static boolean qualifies(LedgerRow impression, Instant at, Duration window) {
        Instant shown = impression.impressionTime();
        return shown != null && !at.isBefore(shown) && at.isBefore(shown.plus(window));
    }

    /** The outcome of every impression that was credited at least one conversion, by row id. */
    public static Map<Long, Outcome> attribute(
            Collection<LedgerRow> impressions, Collection<ConversionFact> conversions, Duration window) {
        Map<String, List<LedgerRow>> byPerfume = new HashMap<>();
        for (LedgerRow i : impressions) {
            if (i.impressionTime() != null) {
                byPerfume.computeIfAbsent(i.perfumeId(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Long, Builder> credited = new HashMap<>();
        for (ConversionFact c : conversions) {
            LedgerRow target = target(c, byPerfume.getOrDefault(c.perfumeId(), List.of()), window);
            if (target != null) {
                credited.computeIfAbsent(target.id(), k -> new Builder()).add(c);
            }
        }
        Map<Long, Outcome> out = new HashMap<>();
        credited.forEach((id, b) -> out.put(id, b.build()));
        return out;
    }

    private static final class Builder {
        boolean viewed;
        Instant viewTime;
        boolean wishlist;
        boolean collection;
        boolean rated;
        ConversionFact latestRating;
        boolean purchased;
        Instant first;

        void add(ConversionFact c) {
            first = min(first, c.at());
            switch (c.kind()) {
                case ConversionFact.VIEW -> {
                    viewed = true;
                    viewTime = min(viewTime, c.at());
                }
                case ConversionFact.WISHLIST -> wishlist = true;
                case ConversionFact.COLLECTION -> collection = true;
                case ConversionFact.RATING -> {
                    rated = true;
                    if (latestRating == null
                            || c.at().isAfter(latestRating.at())
                            || (c.at().equals(latestRating.at())
                                    && c.eventId().compareTo(latestRating.eventId()) > 0)) {
                        latestRating = c;
                    }
                }
                case ConversionFact.PURCHASE -> purchased = true;
                default -> throw new IllegalArgumentException("not a conversion kind: " + c.kind());
            }
        }

        Outcome build() {
            return new Outcome(
                    viewed,
                    viewTime,
                    wishlist,
                    collection,
                    rated,
                    latestRating == null ? null : latestRating.rating(),
                    purchased,
                    first);
        }

        private static Instant min(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }
    }
}
