package com.newsmell.profile.features;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.profile.calculation.ActivityTotals;
import com.newsmell.profile.calculation.BrowsingStyle;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.Counted;
import com.newsmell.profile.calculation.KeySums;
import com.newsmell.profile.calculation.PreferenceWeights;
import com.newsmell.profile.calculation.ProfileCalculator;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes one user's feature vector (issue #12; every feature's definition: {@link FeatureLayout}, served by {@code
 * GET /v1/features/schema}) from the inputs their profile is computed from, the extras, and a schema version. Pure: no
 * database, no clock; the same inputs and schema give the same vector. The profile's own fields come from {@link
 * ProfileCalculator} on the same inputs and window, so a vector always agrees with the profile of the same run.
 */
public final class FeatureVectors {

    private FeatureVectors() {}

    public static ComputedVector compute(
            ProfileInputs in, FeatureExtras extras, FeatureSchema schema, ProfileWindow window, ProfileRules rules) {
        if (!schema.currentLayout()) {
            throw new IllegalArgumentException("schema version " + schema.version() + " has layout " + schema.layout()
                    + ", not this code's " + FeatureLayout.LAYOUT);
        }
        ComputedProfile p = ProfileCalculator.compute(in, window, rules);
        ActivityTotals activity = in.activity();
        Map<String, Long> counts = activity.eventCounts();
        Raw raw = new Raw(schema);

        AccountAge age = AccountAge.of(extras.signupAt(), extras.firstSeenAt(), window.asOf());
        raw.set("accountAge", age.days());

        // engagement
        long events = counts.values().stream().mapToLong(Long::longValue).sum();
        long sessions = p.totalSessions();
        raw.set("totalSessions", sessions);
        raw.set("avgSessionDuration", p.avgSessionDurationMs());
        raw.set("totalPageViews", p.totalPageViews());
        raw.set("perfumeViewRate", ratio(p.totalPerfumesViewed(), sessions));
        raw.set("searchRate", ratio(p.totalSearches(), sessions));
        raw.set("interactionRate", ratio(p.totalInteractions(), p.totalPageViews()));
        raw.set("totalEvents", events);
        raw.set("activeDaysShare", ratio(activity.activeDays(), rules.windowDays()));
        raw.set("eventsPerActiveDay", ratio(events, activity.activeDays()));
        raw.set("totalPerfumesViewed", p.totalPerfumesViewed());
        raw.set("engagementScore", p.engagementScore());
        FeatureExtras.Sessions s = extras.sessions();
        raw.set("pagesPerSession", ratio(s.pageViews(), s.count()));
        raw.set("bounceRate", ratio(s.bounced(), s.count()));
        raw.set("mobileSessionShare", ratio(s.mobile(), s.count()));
        long searches = n(counts, InteractionEventType.SEARCH_PERFORMED);
        raw.set("searchClickThrough", ratio(n(counts, InteractionEventType.SEARCH_RESULT_CLICKED), searches));
        raw.set("searchNoResultsRate", ratio(n(counts, InteractionEventType.SEARCH_NO_RESULTS), searches));
        raw.set("filterRate", ratio(n(counts, InteractionEventType.FILTER_APPLIED), p.totalPageViews()));
        long shown = n(counts, InteractionEventType.RECOMMENDATION_SHOWN);
        raw.set("recommendationClickThrough", ratio(n(counts, InteractionEventType.RECOMMENDATION_CLICKED), shown));
        raw.set("recommendationImpressions", shown);
        raw.set("historyActiveDaysShare", ratio(activity.historyActiveDays().size(), rules.historyDays()));

        // collection
        raw.set("collectionSize", p.collectionSize());
        raw.set("wishlistSize", p.wishlistSize());
        raw.set("ratingsCount", p.totalRatings());
        raw.set("reviewsCount", p.totalReviews());
        raw.set("avgRatingValue", p.avgRatingValue() == null ? 0 : p.avgRatingValue());
        raw.set("hasRatings", p.avgRatingValue() == null ? 0 : 1);
        double weeks = rules.windowDays() / 7.0;
        long wishlistAdds = n(counts, InteractionEventType.WISHLIST_ADD);
        long collectionAdds = n(counts, InteractionEventType.COLLECTION_ADD);
        long removes =
                n(counts, InteractionEventType.WISHLIST_REMOVE) + n(counts, InteractionEventType.COLLECTION_REMOVE);
        raw.set("collectionGrowthRate", collectionAdds / weeks);
        raw.set("wishlistGrowthRate", wishlistAdds / weeks);
        raw.set("removalShare", ratio(removes, wishlistAdds + collectionAdds + removes));
        long collectedAndRated = 0;
        long rated = 0;
        long ratedHigh = 0;
        for (PerfumeState perfume : in.perfumes()) {
            if (perfume.rating() != null) {
                rated++;
                ratedHigh += perfume.rating().value().doubleValue() >= 4 ? 1 : 0;
                collectedAndRated += perfume.inCollection() ? 1 : 0;
            }
        }
        raw.set("collectionRatedShare", ratio(collectedAndRated, p.collectionSize()));
        raw.set("ownedShare", ratio(p.collectionSize(), p.collectionSize() + p.wishlistSize()));
        raw.set("avgReviewLength", p.avgReviewLength() == null ? 0 : p.avgReviewLength());
        raw.set("positiveRatingShare", ratio(ratedHigh, rated));
        raw.set("ratedPerfumes", rated);
        raw.set("lifetimePerfumes", extras.lifetimePerfumes());

        // preferences
        Map<String, Double> engagement = PreferenceWeights.engagement(in.perfumeDays(), in.perfumes(), window, rules);
        KeySums noteSums = KeySums.notes(engagement, in.catalog());
        KeySums houseSums = KeySums.houses(engagement, in.catalog());
        Vocabulary vocabulary = schema.vocabulary();
        slots(raw, noteSums, vocabulary.notes(), FeatureLayout.NOTE_SLOTS, true);
        slots(raw, houseSums, vocabulary.houses(), FeatureLayout.HOUSE_SLOTS, false);
        if (p.preferredPriceRange() == null) {
            raw.set("pricePointIndex", 0);
            raw.set("priceRangeWidth", 0);
            raw.set("hasPriceSignal", 0);
        } else {
            List<java.math.BigDecimal> points = vocabulary.pricePoints();
            raw.set(
                    "pricePointIndex",
                    PricePoints.index(points, p.preferredPriceRange().average()));
            raw.set(
                    "priceRangeWidth",
                    PricePoints.index(points, p.preferredPriceRange().max())
                            - PricePoints.index(points, p.preferredPriceRange().min()));
            raw.set("hasPriceSignal", 1);
        }
        long typed =
                p.preferredPerfumeTypes().stream().mapToLong(Counted::count).sum();
        double[] types = new double[vocabulary.perfumeTypes().size() + 1];
        for (Counted type : p.preferredPerfumeTypes()) {
            int slot = vocabulary.perfumeTypes().indexOf(type.value());
            types[slot < 0 ? types.length - 1 : slot] += type.count();
        }
        for (int i = 0; i < types.length; i++) {
            raw.set(FeatureLayout.typeSlot(i), ratio(types[i], typed));
        }
        Set<String> vocabularyNotes = new HashSet<>(vocabulary.notes());
        double[] positiveAndCovered = new double[2];
        noteSums.forEach((note, sum) -> {
            if (sum > 0) {
                positiveAndCovered[0] += sum;
                positiveAndCovered[1] += vocabularyNotes.contains(note) ? sum : 0;
            }
        });
        double positive = positiveAndCovered[0];
        raw.set("noteVocabularyCoverage", positive > 0 ? positiveAndCovered[1] / positive : 0);

        // behaviour
        Set<String> viewed = new HashSet<>();
        long perfumeViews = 0;
        for (PerfumeDay d : in.perfumeDays()) {
            if (window.inWindow(d.day()) && d.views() > 0) {
                viewed.add(d.perfumeId());
                perfumeViews += d.views();
            }
        }
        raw.set("explorationScore", ratio(viewed.size(), perfumeViews));
        raw.set("tradingActivity", p.tradingActivity());
        raw.set("socialActivity", byCategory(counts, InteractionCategory.SOCIAL));
        raw.set(
                "contentCreation",
                n(counts, InteractionEventType.REVIEW_SUBMITTED) + n(counts, InteractionEventType.REVIEW_UPDATED));
        raw.set("responseTime", medianHours(extras.membershipDelaysMs()));
        long viewEvents = n(counts, InteractionEventType.PERFUME_VIEW);
        raw.set("notesExpandedRate", ratio(n(counts, InteractionEventType.NOTES_EXPANDED), viewEvents));
        raw.set(
                "imageEngagement",
                ratio(
                        n(counts, InteractionEventType.IMAGE_VIEWED) + n(counts, InteractionEventType.IMAGE_ZOOMED),
                        viewEvents));
        raw.set("similarClickRate", ratio(n(counts, InteractionEventType.SIMILAR_CLICKED), viewEvents));
        raw.set(
                "purchaseActivity",
                n(counts, InteractionEventType.PURCHASE_INITIATED)
                        + n(counts, InteractionEventType.PURCHASE_COMPLETED));
        long accepted = n(counts, InteractionEventType.TRADE_ACCEPTED);
        raw.set("tradeSuccessRate", ratio(accepted, accepted + n(counts, InteractionEventType.TRADE_DECLINED)));
        double[] houseTotalAndMax = new double[2];
        houseSums.forEach((house, sum) -> {
            if (sum > 0) {
                houseTotalAndMax[0] += sum;
                houseTotalAndMax[1] = Math.max(houseTotalAndMax[1], sum);
            }
        });
        double houseTotal = houseTotalAndMax[0];
        raw.set("houseLoyalty", houseTotal > 0 ? houseTotalAndMax[1] / houseTotal : 0);
        BrowsingStyle style = p.browsingStyle();
        raw.set("styleExplorer", style == BrowsingStyle.explorer ? 1 : 0);
        raw.set("styleFocused", style == BrowsingStyle.focused ? 1 : 0);
        raw.set("styleTrader", style == BrowsingStyle.trader ? 1 : 0);
        raw.set("styleCasual", style == BrowsingStyle.casual ? 1 : 0);

        // temporal
        long[] weekdays = p.activeDaysOfWeek();
        for (int i = 0; i < 7; i++) {
            raw.set("dayOfWeek" + FeatureLayout.WEEKDAYS.get(i), ratio(weekdays[i], events));
        }
        long[] hours = p.activeTimeOfDay();
        raw.set("hourOfDayNight", ratio(sum(hours, 0, 8), events));
        raw.set("hourOfDayDaytime", ratio(sum(hours, 8, 16), events));
        raw.set("hourOfDayEvening", ratio(sum(hours, 16, 24), events));

        return new ComputedVector(in.userId(), raw.normalised(), age, !activity.daysAfterRun());
    }

    /** The slots' weights: each slot's sum / the user's largest sum of all notes (houses), 4 decimals. */
    private static void slots(Raw raw, KeySums sums, List<String> ids, int slots, boolean notes) {
        double max = sums.max();
        for (int i = 0; i < slots; i++) {
            double sum = i < ids.size() ? sums.get(ids.get(i)) : 0;
            double weight = max > 0 && sum > 0 ? Normalisation.round(sum / max) : 0;
            raw.set(notes ? FeatureLayout.noteSlot(i) : FeatureLayout.houseSlot(i), weight);
        }
    }

    private static double medianHours(long[] delaysMs) {
        if (delaysMs.length == 0) {
            return 0;
        }
        long[] sorted = delaysMs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return median / 3_600_000.0;
    }

    private static long n(Map<String, Long> counts, InteractionEventType type) {
        return counts.getOrDefault(type.name(), 0L);
    }

    private static long byCategory(Map<String, Long> counts, InteractionCategory category) {
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            var type = InteractionEventType.fromName(e.getKey());
            if (type.isPresent() && type.get().category() == category) {
                n += e.getValue();
            }
        }
        return n;
    }

    private static long sum(long[] values, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n += values[i];
        }
        return n;
    }

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : 0;
    }

    /** The raw values by name, normalised by the schema's rules; every feature must be set exactly once. */
    private static final class Raw {
        private final FeatureSchema schema;
        private final Map<String, Integer> positions;
        private final double[] values;
        private final boolean[] set;

        Raw(FeatureSchema schema) {
            this.schema = schema;
            this.positions = schema.positions();
            this.values = new double[schema.length()];
            this.set = new boolean[schema.length()];
        }

        void set(String name, double value) {
            Integer position = positions.get(name);
            if (position == null || set[position]) {
                throw new IllegalStateException((position == null ? "no feature " : "feature set twice: ") + name);
            }
            values[position] = value;
            set[position] = true;
        }

        double[] normalised() {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException(
                            "feature " + schema.features().get(i).name() + " not computed");
                }
                out[i] = schema.features().get(i).normalisation().apply(values[i]);
            }
            return out;
        }
    }
}
