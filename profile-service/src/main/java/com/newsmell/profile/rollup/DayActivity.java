package com.newsmell.profile.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One user's activity on one UTC day (table {@code user_day_activity}): events per event type, per UTC hour
 * ("0"–"23"), the search terms they used, the overall values of their RATING_COMPLETED events and the
 * reviewLength of their REVIEW_SUBMITTED / REVIEW_UPDATED events. Every field adds up, so a batch's delta and the
 * stored row have the same shape and the database adds them ({@code jsonb_sum}, ADR 0012 rule 4).
 */
public record DayActivity(
        String userId,
        LocalDate day,
        Map<String, Long> eventCounts,
        Map<String, Long> hourCounts,
        Map<String, Long> searchTerms,
        long ratingCount,
        BigDecimal ratingSum,
        long reviewLengthCount,
        long reviewLengthSum) {

    /** An empty day, to add events to. */
    static DayActivity empty(String userId, LocalDate day) {
        return new DayActivity(
                userId, day, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0, BigDecimal.ZERO, 0, 0);
    }

    /** Every event of this day, whatever its type. */
    public long events() {
        return eventCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String eventType) {
        return eventCounts.getOrDefault(eventType, 0L);
    }

    DayActivity withRating(BigDecimal value) {
        return new DayActivity(
                userId,
                day,
                eventCounts,
                hourCounts,
                searchTerms,
                ratingCount + 1,
                ratingSum.add(value),
                reviewLengthCount,
                reviewLengthSum);
    }

    DayActivity withReviewLength(long length) {
        return new DayActivity(
                userId,
                day,
                eventCounts,
                hourCounts,
                searchTerms,
                ratingCount,
                ratingSum,
                reviewLengthCount + 1,
                reviewLengthSum + length);
    }
}
