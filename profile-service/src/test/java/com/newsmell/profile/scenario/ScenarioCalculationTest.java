package com.newsmell.profile.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.profile.calculation.ActivityTotals;
import com.newsmell.profile.calculation.ChurnRisk;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.Counted;
import com.newsmell.profile.calculation.ProfileCalculator;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.calculation.Weighted;
import com.newsmell.profile.rollup.Rollup;
import com.newsmell.profile.rollup.RollupFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #11's scenario users through the pure rules (no database, broker or Quarkus): their events folded into rollups
 * in reverse order ({@link RollupFold}), then {@link ProfileCalculator} at {@link Scenarios#NOW}; every field exact.
 */
class ScenarioCalculationTest {

    private static final Scenarios SCENARIOS = new Scenarios("unit");
    private static final ProfileRules RULES = ProfileRules.defaults();

    static List<Scenarios.Expected> expected() {
        return SCENARIOS.expected();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("expected")
    void everyFieldIsExact(Scenarios.Expected want) {
        List<UserInteractionEvent> events = new ArrayList<>(SCENARIOS.events().stream()
                .filter(e -> e.userId().equals(want.userId()))
                .toList());
        Collections.reverse(events);
        Rollup rollup = RollupFold.fold(events);
        ProfileWindow window = ProfileWindow.of(Scenarios.NOW, RULES);
        ProfileInputs in = new ProfileInputs(
                want.userId(),
                ActivityTotals.of(rollup.days(), window),
                rollup.perfumeDays(),
                rollup.perfumes(),
                sessions(want.userId()),
                catalog());

        ComputedProfile got = ProfileCalculator.compute(in, window, RULES);

        assertThat(weights(got.preferredNotes())).containsExactlyElementsOf(want.preferredNotes());
        assertThat(weights(got.preferredHouses())).containsExactlyElementsOf(want.preferredHouses());
        assertThat(
                        got.preferredPriceRange() == null
                                ? null
                                : List.of(
                                        got.preferredPriceRange().min(),
                                        got.preferredPriceRange().max(),
                                        got.preferredPriceRange().average()))
                .isEqualTo(want.priceRange());
        assertThat(counted(got.preferredPerfumeTypes())).containsExactlyElementsOf(want.perfumeTypes());
        assertThat(got.totalSessions()).isEqualTo(want.totalSessions());
        assertThat(got.totalPageViews()).isEqualTo(want.totalPageViews());
        assertThat(got.totalPerfumesViewed()).isEqualTo(want.totalPerfumesViewed());
        assertThat(got.totalSearches()).isEqualTo(want.totalSearches());
        assertThat(got.totalInteractions()).isEqualTo(want.totalInteractions());
        assertThat(got.avgSessionDurationMs()).isEqualTo(want.avgSessionDurationMs());
        assertThat(got.totalRatings()).isEqualTo(want.totalRatings());
        assertThat(got.avgRatingValue()).isEqualTo(want.avgRatingValue());
        assertThat(got.totalReviews()).isEqualTo(want.totalReviews());
        assertThat(got.avgReviewLength()).isEqualTo(want.avgReviewLength());
        assertThat(got.collectionSize()).isEqualTo(want.collectionSize());
        assertThat(got.wishlistSize()).isEqualTo(want.wishlistSize());
        assertThat(got.tradingActivity()).isEqualTo(want.tradingActivity());
        assertThat(got.activeTimeOfDay()).containsExactly(hours(want.activeHours()));
        assertThat(got.activeDaysOfWeek())
                .containsExactly(want.activeDaysOfWeek().stream()
                        .mapToLong(Long::longValue)
                        .toArray());
        assertThat(counted(got.searchPatterns())).containsExactlyElementsOf(want.searchPatterns());
        assertThat(got.browsingStyle() == null ? null : got.browsingStyle().name())
                .isEqualTo(want.browsingStyle());
        assertThat(got.engagementScore()).isEqualTo(want.engagementScore());
        assertThat(got.usualGapDays()).isEqualTo(want.usualGapDays());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("expected")
    void churnRiskGrowsWithTheUsualGapsSinceTheLastActivity(Scenarios.Expected want) {
        Instant last = SCENARIOS.events().stream()
                .filter(e -> e.userId().equals(want.userId()))
                .map(UserInteractionEvent::timestamp)
                .max(Instant::compareTo)
                .orElseThrow();
        String name = want.userId().substring(want.userId().lastIndexOf('-') + 1);
        double expected = switch (name) {
            // 74.75 days since 16 April 09:00, usual gap 2: 37 gaps, beyond 4 → 1
            case "churned" -> 1.0;
            // 1.499873 days since 28 June 15:00:11, usual gap 1: (1.499873 − 1) / (4 − 1)
            case "explorer" -> 0.1666;
            // 9.732639 days since 20 June 09:25, usual gap 7: (1.390377 − 1) / 3
            case "wishlist" -> 0.1301;
            // within one usual gap (7 days) of their last activity
            default -> 0.0;
        };
        assertThat(ChurnRisk.of(last, want.usualGapDays(), Scenarios.NOW, RULES))
                .isEqualTo(expected);
    }

    /** The user's non-bot sessions in the window, each sessionId once (as the table keeps one row per session). */
    static ProfileInputs.Sessions sessions(String userId) {
        Map<String, SessionSummary> byId = new LinkedHashMap<>();
        SCENARIOS.sessions().stream()
                .filter(s -> s.userId().equals(userId) && !s.isBot())
                .forEach(s -> byId.put(s.sessionId(), s));
        return byId.isEmpty()
                ? ProfileInputs.Sessions.NONE
                : new ProfileInputs.Sessions(
                        byId.size(),
                        byId.values().stream()
                                .mapToLong(SessionSummary::durationSeconds)
                                .sum());
    }

    static Map<String, ProfileInputs.CatalogFacts> catalog() {
        Map<String, ProfileInputs.CatalogFacts> catalog = new HashMap<>();
        SCENARIOS
                .catalog()
                .forEach(p -> catalog.put(
                        p.perfumeId(),
                        new ProfileInputs.CatalogFacts(
                                p.perfumeId(), p.houseId(), p.noteIds(), p.perfumeType(), p.price())));
        return catalog;
    }

    private static List<Map.Entry<String, Double>> weights(List<Weighted> weights) {
        return weights.stream().map(w -> Map.entry(w.id(), w.weight())).toList();
    }

    private static List<Map.Entry<String, Long>> counted(List<Counted> counted) {
        return counted.stream().map(c -> Map.entry(c.value(), c.count())).toList();
    }

    private static long[] hours(Map<Integer, Long> hours) {
        return IntStream.range(0, 24).mapToLong(h -> hours.getOrDefault(h, 0L)).toArray();
    }
}
