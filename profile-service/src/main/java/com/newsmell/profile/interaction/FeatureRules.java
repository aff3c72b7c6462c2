package com.newsmell.profile.interaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How a {@code user_perfume} row becomes the seed's {@link InteractionFeatures} as of a time (README "Interaction
 * features", ADR 0020). Pure: no database, no clock.
 */
public final class FeatureRules {

    /** A day, in ms: recency and frequency are in UTC days of 24 hours (no calendar, no zone). */
    static final long DAY_MS = Duration.ofDays(1).toMillis();

    /** The shortest span interactionFrequencyPerWeek divides by: a first week counts whole. */
    public static final long MIN_FREQUENCY_SPAN_DAYS = 7;

    /** Decimals of viewRecencyDays and interactionFrequencyPerWeek (half up). */
    public static final int SCALE = 4;

    private FeatureRules() {}

    public static InteractionFeatures of(UserPerfume row, Instant asOf) {
        return new InteractionFeatures(
                row.userId,
                row.perfumeId,
                asOf,
                row.ratingValue != null,
                row.ratingValue == null ? null : row.ratingValue.doubleValue(),
                row.reviewed,
                Boolean.TRUE.equals(row.wishlistIn),
                Boolean.TRUE.equals(row.collectionIn),
                row.views,
                row.viewDurationMs,
                row.lastViewedAt,
                viewRecencyDays(row.lastViewedAt, asOf),
                ranked(row.sources),
                ranked(row.deviceTypes),
                row.firstInteraction,
                row.lastInteraction,
                row.interactions,
                interactionFrequencyPerWeek(row.interactions, row.firstInteraction, asOf));
    }

    /**
     * The seed's viewRecency, "days since last view": the days from the last view to {@code asOf}, fractional, 4
     * decimals, at least 0 (a view stamped after {@code asOf} is 0 days old); null without a last view.
     */
    public static Double viewRecencyDays(Instant lastViewedAt, Instant asOf) {
        if (lastViewedAt == null) {
            return null;
        }
        long ms = Math.max(0, Duration.between(lastViewedAt, asOf).toMillis());
        return BigDecimal.valueOf(ms)
                .divide(BigDecimal.valueOf(DAY_MS), SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /**
     * The seed's interactionFrequency: the pair's interactions per week since the first one, as of {@code asOf}:
     * {@code interactions × 7 / max(7, days from firstInteraction to asOf)}, 4 decimals. The first week counts whole,
     * so that three interactions in the last hour are 3 a week, not 504. Null when the count is unknown.
     */
    public static Double interactionFrequencyPerWeek(Long interactions, Instant firstInteraction, Instant asOf) {
        if (interactions == null || firstInteraction == null) {
            return null;
        }
        long spanMs = Math.max(
                MIN_FREQUENCY_SPAN_DAYS * DAY_MS,
                Duration.between(firstInteraction, asOf).toMillis());
        return BigDecimal.valueOf(interactions)
                .multiply(BigDecimal.valueOf(7 * DAY_MS))
                .divide(BigDecimal.valueOf(spanMs), SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The names of a json object of counts, most counted first, ties by name; empty for null or {@code {}}. */
    public static List<String> ranked(String countsJson) {
        if (countsJson == null || countsJson.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(countsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("user_perfume holds counts that are no json object: " + countsJson, e);
        }
        List<Map.Entry<String, BigDecimal>> counts = new ArrayList<>();
        node.fields()
                .forEachRemaining(
                        f -> counts.add(Map.entry(f.getKey(), f.getValue().decimalValue())));
        counts.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return counts.stream().map(Map.Entry::getKey).toList();
    }
}
