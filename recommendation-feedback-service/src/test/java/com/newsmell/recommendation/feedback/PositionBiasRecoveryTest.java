package com.newsmell.recommendation.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias;
import com.newsmell.simulator.journey.JourneyGenerator;
import com.newsmell.simulator.journey.RecommendationJourney;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: the traffic simulator plants a known position bias ({@link RecommendationJourney#examination}); the
 * ledger's fold and the service's estimator recover it from the randomized impressions within ±10%, while the raw
 * CTR-by-position curve (relevance mixed with position) does not. Pure: the simulator's events folded in memory.
 */
class PositionBiasRecoveryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    @DisplayName("the planted examination probabilities come back from randomized impressions within ±10%")
    // every list of this stream is randomized (the service's share is small; here it only makes the test short):
    // about 9,400 randomized homepage impressions and 13,900 detail_page ones per slot
    void theSimulatorsPlantedBiasIsRecovered() {
        List<UserInteractionEvent> events =
                JourneyGenerator.create(2017, 400, 0.0).randomizedShare(1.0).events(400_000, NOW);
        List<AttributedRow> rows = ledger(events);
        PositionBias.Propensities estimated = PositionBias.fromRows(rows, 2000, 0.01);

        int checked = 0;
        for (Map.Entry<String, Map<Integer, Double>> source :
                estimated.bySource().entrySet()) {
            for (Map.Entry<Integer, Double> p : source.getValue().entrySet()) {
                double planted = RecommendationJourney.examination(p.getKey());
                assertThat(p.getValue())
                        .as("%s position %d", source.getKey(), p.getKey())
                        .isBetween(planted * 0.9, planted * 1.1);
                checked++;
            }
        }
        assertThat(estimated.of("homepage", 5))
                .as("every homepage slot is estimated")
                .isNotNull();
        assertThat(checked).isGreaterThanOrEqualTo(10);

        // the raw curve of the algorithms' own (relevance-ordered, never shuffled) lists overstates the bias
        List<AttributedRow> ordered = ledger(
                JourneyGenerator.create(2018, 400, 0.0).randomizedShare(0.0).events(150_000, NOW));
        long[] top = rawCell(ordered, "homepage", 0);
        long[] last = rawCell(ordered, "homepage", 5);
        double raw = ((double) last[1] / last[0]) / ((double) top[1] / top[0]);
        assertThat(raw).isLessThan(RecommendationJourney.examination(5) * 0.9);
    }

    /** The impressions of the events, folded by the ledger's rules. */
    private static List<AttributedRow> ledger(List<UserInteractionEvent> events) {
        SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey = FeedbackFold.byKey(events);
        List<AttributedRow> rows = new ArrayList<>();
        long id = 0;
        for (Map.Entry<FeedbackKey, List<UserInteractionEvent>> e : byKey.entrySet()) {
            RecommendationFeedback r = new RecommendationFeedback();
            r.recommendationId = e.getKey().recommendationId();
            r.perfumeId = e.getKey().perfumeId();
            FeedbackFold.fold(List.of(r), byKey, NOW);
            if (r.impressionTime == null) {
                continue;
            }
            rows.add(new AttributedRow(
                    new LedgerRow(
                            id++,
                            r.recommendationId,
                            r.perfumeId,
                            r.userId,
                            r.anonymousId,
                            r.impressionTime,
                            r.source,
                            r.algorithm,
                            r.algorithmVersion,
                            r.position,
                            r.confidence,
                            r.similarityScore,
                            r.randomized,
                            r.clicked,
                            r.clickTime,
                            r.thumbsUp,
                            r.thumbsDown,
                            r.hidPerfume,
                            r.reportedIrrelevant,
                            r.reportReason,
                            r.feedbackTime),
                    Outcome.NONE));
        }
        return rows;
    }

    private static long[] rawCell(List<AttributedRow> rows, String source, int position) {
        long[] c = new long[2];
        for (AttributedRow a : rows) {
            LedgerRow r = a.row();
            if (!r.randomized() && source.equals(r.source()) && r.position() == position) {
                c[0]++;
                c[1] += r.clicked() ? 1 : 0;
            }
        }
        return c;
    }
}
