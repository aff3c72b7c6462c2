package com.newsmell.profile.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.profile.calculation.ActivityTotals;
import com.newsmell.profile.calculation.ProfileCalculator;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.calculation.Weighted;
import com.newsmell.profile.features.AccountAge;
import com.newsmell.profile.features.ComputedVector;
import com.newsmell.profile.features.FeatureExtras;
import com.newsmell.profile.features.FeatureLayout;
import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.FeatureVectors;
import com.newsmell.profile.rollup.Rollup;
import com.newsmell.profile.rollup.RollupFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #12's feature vectors of the scenario users through the pure rules: their events folded into rollups in
 * reverse order, then {@link FeatureVectors} at {@link Scenarios#NOW} with {@link FeatureScenarios}' vocabulary; every
 * one of the 111 values exact.
 */
class FeatureScenarioCalculationTest {

    private static final Scenarios SCENARIOS = new Scenarios("unit");
    private static final FeatureScenarios FEATURES = new FeatureScenarios(SCENARIOS);
    private static final ProfileRules RULES = ProfileRules.defaults();
    private static final FeatureSchema SCHEMA =
            FeatureSchema.of(1, FEATURES.vocabulary(), Map.of(), Instant.parse("2024-06-01T00:00:00Z"), "test");

    static Stream<String> users() {
        return FEATURES.expected().keySet().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("users")
    void everyValueIsExact(String userId) {
        ComputedVector got = compute(userId);

        assertThat(nonZero(got.values())).isEqualTo(FEATURES.expected().get(userId));
        assertThat(got.values())
                .containsExactly(FeatureScenarios.vector(FEATURES.expected().get(userId)));
        assertThat(got.accountAge().source()).isEqualTo(AccountAge.FIRST_EVENT);
        assertThat(got.settled()).isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("users")
    void aNoteSlotIsTheNotesWeightInTheProfile(String userId) {
        ProfileWindow window = ProfileWindow.of(Scenarios.NOW, RULES);
        List<Weighted> preferred =
                ProfileCalculator.compute(inputs(userId), window, RULES).preferredNotes();
        double[] values = compute(userId).values();
        for (Weighted w : preferred) {
            int slot = SCHEMA.vocabulary().notes().indexOf(w.id());
            assertThat(values[SCHEMA.positions().get(FeatureLayout.noteSlot(slot))])
                    .as(w.id())
                    .isEqualTo(w.weight());
        }
    }

    @Test
    void theRegistrationWinsOverTheFirstEventForAccountAge() {
        String user = SCENARIOS.user("churned");
        ProfileWindow window = ProfileWindow.of(Scenarios.NOW, RULES);
        ComputedVector got = FeatureVectors.compute(
                inputs(user),
                FeatureExtras.of(
                        rollup(user).perfumes(),
                        FeatureExtras.Sessions.NONE,
                        Instant.parse("2024-06-20T00:00:00Z"),
                        FEATURES.firstSeen().get(user)),
                SCHEMA,
                window,
                RULES);
        assertThat(got.accountAge()).isEqualTo(new AccountAge(10, AccountAge.REGISTERED));
    }

    @Test
    void aRunWithAnEarlierClockThanSomeEventsMarksTheVectorUnsettled() {
        String user = SCENARIOS.user("focused");
        ProfileWindow earlier = ProfileWindow.of(Scenarios.NOW.minus(java.time.Duration.ofDays(5)), RULES);
        ComputedVector got = FeatureVectors.compute(
                inputs(user, earlier),
                FeatureExtras.of(
                        rollup(user).perfumes(),
                        sessions(user),
                        null,
                        FEATURES.firstSeen().get(user)),
                SCHEMA,
                earlier,
                RULES);
        // its events of 28 June are after the run's day: the run writes the vector but no snapshot of it
        assertThat(got.settled()).isFalse();
    }

    /** The scenario user's vector as the job computes it, from their events folded in reverse order. */
    static ComputedVector compute(String userId) {
        ProfileWindow window = ProfileWindow.of(Scenarios.NOW, RULES);
        FeatureExtras extras = FeatureExtras.of(
                rollup(userId).perfumes(),
                sessions(userId),
                null,
                FEATURES.firstSeen().get(userId));
        return FeatureVectors.compute(inputs(userId), extras, SCHEMA, window, RULES);
    }

    private static Rollup rollup(String userId) {
        List<UserInteractionEvent> events = new ArrayList<>(SCENARIOS.events().stream()
                .filter(e -> e.userId().equals(userId))
                .toList());
        Collections.reverse(events);
        return RollupFold.fold(events);
    }

    private static ProfileInputs inputs(String userId) {
        return inputs(userId, ProfileWindow.of(Scenarios.NOW, RULES));
    }

    private static ProfileInputs inputs(String userId, ProfileWindow window) {
        Rollup rollup = rollup(userId);
        return new ProfileInputs(
                userId,
                ActivityTotals.of(rollup.days(), window),
                rollup.perfumeDays(),
                rollup.perfumes(),
                ScenarioCalculationTest.sessions(userId),
                ScenarioCalculationTest.catalog());
    }

    /** The user's non-bot session summaries (each sessionId once): count, page views, bounced, on mobile. */
    private static FeatureExtras.Sessions sessions(String userId) {
        Map<String, SessionSummary> byId = new LinkedHashMap<>();
        SCENARIOS.sessions().stream()
                .filter(s -> s.userId().equals(userId) && !s.isBot())
                .forEach(s -> byId.put(s.sessionId(), s));
        return new FeatureExtras.Sessions(
                byId.size(),
                byId.values().stream().mapToLong(SessionSummary::pageViews).sum(),
                byId.values().stream().filter(SessionSummary::bounced).count(),
                byId.values().stream()
                        .filter(s -> "mobile".equals(s.deviceType()) || "tablet".equals(s.deviceType()))
                        .count());
    }

    /** The values that are not 0, by feature name. */
    static Map<String, Double> nonZero(double[] values) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (var f : SCHEMA.features()) {
            if (values[f.position()] != 0) {
                named.put(f.name(), values[f.position()]);
            }
        }
        return named;
    }
}
