package com.newsmell.recommendation.attribution;

import com.newsmell.recommendation.config.RecommendationConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ledger with its attribution (ADR 0023): the impressions of a window, or the rows of one recommendation, each
 * with the outcome of the conversions credited to it. Reads exactly the facts the rule needs: for impressions in
 * [from, to), the conversions in [from, to + window) and the competing impressions in [from - window, to + window).
 */
@ApplicationScoped
public class LedgerReader {

    private final LedgerRepository ledger;
    private final RecommendationConfig config;

    public LedgerReader(LedgerRepository ledger, RecommendationConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    public Duration window() {
        return config.attributionWindow();
    }

    /** The impressions in [from, to), oldest first, attributed. */
    @WithSession
    public Uni<List<AttributedRow>> impressions(Instant from, Instant to) {
        Duration w = window();
        Instant wideFrom = from.minus(w);
        Instant wideTo = to.plus(w);
        return ledger.impressions(wideFrom, wideTo)
                .chain(rows -> ledger.conversions(from, wideTo, from, to).map(conversions -> {
                    Map<Long, Outcome> outcomes = Attribution.attribute(rows, conversions, w);
                    return rows.stream()
                            .filter(r -> !r.impressionTime().isBefore(from)
                                    && r.impressionTime().isBefore(to))
                            .map(r -> new AttributedRow(r, outcomes.getOrDefault(r.id(), Outcome.NONE)))
                            .toList();
                }));
    }

    /** Clicked rows without an impression, by their first click in [from, to). */
    @WithSession
    public Uni<List<LedgerRow>> clicksWithoutImpression(Instant from, Instant to) {
        return ledger.clicksWithoutImpression(from, to);
    }

    /**
     * One recommendation's rows, attributed, by position (rows still waiting for their impression last), then
     * perfume.
     */
    @WithSession
    public Uni<List<AttributedRow>> recommendation(String recommendationId) {
        return ledger.recommendation(recommendationId)
                .chain(rows -> attribute(rows)
                        .map(outcomes -> rows.stream()
                                .sorted(Comparator.comparing(
                                                LedgerRow::position,
                                                Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                                        .thenComparing(LedgerRow::perfumeId))
                                .map(r -> new AttributedRow(r, outcomes.getOrDefault(r.id(), Outcome.NONE)))
                                .toList()));
    }

    /**
     * The impressions of users (GET /v1/recommendations/feedback?userId=, the GraphQL User's feedback), attributed,
     * in (impressionTime, id) order: three statements for any number of users.
     */
    @WithSession
    public Uni<List<AttributedRow>> ofUsers(LedgerRepository.UserRows query) {
        return ledger.ofUsers(query)
                .chain(rows -> attribute(rows)
                        .map(outcomes -> rows.stream()
                                .map(r -> new AttributedRow(r, outcomes.getOrDefault(r.id(), Outcome.NONE)))
                                .toList()));
    }

    /**
     * The outcomes credited to these rows: the competing impressions of their perfumes within a window of theirs and
     * the conversions that can be credited to them (two statements), by the attribution rule.
     */
    private Uni<Map<Long, Outcome>> attribute(List<LedgerRow> rows) {
        Duration w = window();
        List<Instant> shown = rows.stream()
                .map(LedgerRow::impressionTime)
                .filter(t -> t != null)
                .sorted()
                .toList();
        if (shown.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant first = shown.get(0);
        Instant last = shown.get(shown.size() - 1);
        List<String> perfumes =
                rows.stream().map(LedgerRow::perfumeId).distinct().toList();
        return ledger.impressionsOf(perfumes, first.minus(w), last.plus(w))
                .chain(candidates -> ledger.conversions(first, last.plus(w), first, last.plusMillis(1))
                        .map(conversions -> Attribution.attribute(candidates, conversions, w)));
    }
}
