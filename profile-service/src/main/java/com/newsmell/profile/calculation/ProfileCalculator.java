package com.newsmell.profile.calculation;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes one user's profile from their rollups (issue #11; each field's definition: README "Profile fields"). Pure:
 * no database, no clock; the same inputs and window give the same profile.
 */
public final class ProfileCalculator {

    /** The seed's totalInteractions: {@code ["RATING", "REVIEW", "COLLECTION"].includes(e.eventCategory)}. */
    static final Set<InteractionCategory> INTERACTIONS =
            EnumSet.of(InteractionCategory.RATING, InteractionCategory.REVIEW, InteractionCategory.COLLECTION);

    /** tradingActivity: the user's trade events. */
    static final Set<InteractionEventType> TRADES = EnumSet.of(
            InteractionEventType.TRADE_INQUIRY,
            InteractionEventType.TRADE_OFFERED,
            InteractionEventType.TRADE_ACCEPTED,
            InteractionEventType.TRADE_DECLINED);

    private ProfileCalculator() {}

    public static ComputedProfile compute(ProfileInputs in, ProfileWindow window, ProfileRules rules) {
        ActivityTotals activity = in.activity();
        Map<String, Long> counts = activity.eventCounts();
        long events = counts.values().stream().mapToLong(Long::longValue).sum();
        long pageViews = byCategory(counts, EnumSet.of(InteractionCategory.VIEW));
        long searches = byCategory(counts, EnumSet.of(InteractionCategory.SEARCH));
        long interactions = byCategory(counts, INTERACTIONS);
        long trades = TRADES.stream()
                .mapToLong(t -> counts.getOrDefault(t.name(), 0L))
                .sum();

        Set<String> viewed = new HashSet<>();
        long perfumeViews = 0;
        for (PerfumeDay d : in.perfumeDays()) {
            if (window.inWindow(d.day()) && d.views() > 0) {
                viewed.add(d.perfumeId());
                perfumeViews += d.views();
            }
        }

        Map<String, Double> engagement = PreferenceWeights.engagement(in.perfumeDays(), in.perfumes(), window, rules);
        double avgSessionSeconds = in.sessions().count() == 0
                ? 0
                : in.sessions().durationSeconds() / (double) in.sessions().count();
        long totalRatings = counts.getOrDefault(InteractionEventType.RATING_COMPLETED.name(), 0L);
        long totalReviews = counts.getOrDefault(InteractionEventType.REVIEW_SUBMITTED.name(), 0L);
        long deepActions = totalRatings
                + totalReviews
                + counts.getOrDefault(InteractionEventType.WISHLIST_ADD.name(), 0L)
                + counts.getOrDefault(InteractionEventType.COLLECTION_ADD.name(), 0L)
                + trades;

        return new ComputedProfile(
                in.userId(),
                PreferenceWeights.notes(engagement, in.catalog(), rules.topNotes()),
                PreferenceWeights.houses(engagement, in.catalog(), rules.topHouses()),
                PriceBand.of(engagement, in.catalog()),
                perfumeTypes(engagement, in.catalog()),
                in.sessions().count(),
                pageViews,
                viewed.size(),
                searches,
                interactions,
                PreferenceWeights.round(avgSessionSeconds * 1000, 1),
                totalRatings,
                activity.ratingCount() == 0
                        ? null
                        : activity.ratingSum()
                                .divide(BigDecimal.valueOf(activity.ratingCount()), 4, RoundingMode.HALF_EVEN)
                                .doubleValue(),
                totalReviews,
                activity.reviewLengthCount() == 0
                        ? null
                        : PreferenceWeights.round(
                                activity.reviewLengthSum() / (double) activity.reviewLengthCount(), 2),
                in.perfumes().stream().filter(PerfumeState::inCollection).count(),
                in.perfumes().stream().filter(PerfumeState::inWishlist).count(),
                trades,
                activity.hours(),
                activity.weekdays(),
                top(activity.searchTerms(), rules.topSearchTerms()),
                BrowsingStyle.of(events, activity.activeDays(), trades, viewed.size(), perfumeViews, rules),
                EngagementScore.of(activity.activeDays(), events, deepActions, avgSessionSeconds, rules),
                UsualGap.of(activity.historyActiveDays(), rules),
                window.windowStart(),
                window.historyStart());
    }

    private static long byCategory(Map<String, Long> counts, Set<InteractionCategory> categories) {
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            var type = InteractionEventType.fromName(e.getKey());
            if (type.isPresent() && categories.contains(type.get().category())) {
                n += e.getValue();
            }
        }
        return n;
    }

    /** preferredPerfumeTypes: the positively engaged perfumes the catalog knows, counted per perfumeType. */
    static List<Counted> perfumeTypes(Map<String, Double> engagement, Map<String, ProfileInputs.CatalogFacts> catalog) {
        Map<String, Long> types = new HashMap<>(); // top() orders them
        engagement.forEach((perfumeId, value) -> {
            ProfileInputs.CatalogFacts facts = catalog.get(perfumeId);
            if (value > 0 && facts != null && facts.perfumeType() != null) {
                types.merge(facts.perfumeType(), 1L, Long::sum);
            }
        });
        return top(types, Integer.MAX_VALUE);
    }

    /** The entries by count descending, then value ascending, at most {@code limit}. */
    static List<Counted> top(Map<String, Long> counts, int limit) {
        TreeSet<Counted> sorted = new TreeSet<>(
                Comparator.comparingLong(Counted::count).reversed().thenComparing(Counted::value));
        counts.forEach((value, n) -> sorted.add(new Counted(value, n)));
        return sorted.stream().limit(limit).toList();
    }
}
