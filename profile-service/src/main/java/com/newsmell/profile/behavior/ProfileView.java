package com.newsmell.profile.behavior;

import com.newsmell.profile.calculation.ChurnRisk;
import com.newsmell.profile.calculation.PriceRange;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.Weighted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's view of a UserBehaviorProfile: every field of the seed's model. Each description is the field's
 * definition (README "Profile fields"); the counts are over the window of the run that computed them ({@code asOf}).
 */
public record ProfileView(
        @Schema(description = "The user (the events' userId); anonymous and bot events build no profile.")
        String userId,

        @Schema(description = "When the run that computed the fields below read the rollups (absent: no run yet).")
        Instant asOf,

        @Schema(description = "What computed them: job-run:<id> (GET /v1/jobs) or recompute (POST …/recompute).")
        String computedBy,

        @Schema(description = "The first UTC day of the window the counts cover (the window ends with asOf's day).")
        LocalDate windowStart,

        @Schema(
                description = "Top notes (at most 25), weight 0-1: Σ over the user's interactions with perfumes"
                        + " carrying the note of weight(type) × 0.5^(age days / 14), divided by the top note's sum.")
        List<Weight> preferredNotes,

        @Schema(description = "Top houses (at most 15), weight 0-1, as preferredNotes.")
        List<Weight> preferredHouses,

        @Schema(
                description = "p10 (min), p90 (max) and mean (average) of the prices (catalog base currency) of the"
                        + " positively engaged perfumes; absent when none is known.")
        PriceRange preferredPriceRange,

        @Schema(description = "Positively engaged perfumes per perfumeType, most first.")
        List<TypeCount> preferredPerfumeTypes,

        @Schema(description = "Non-bot sessions that started in the window (session summaries).")
        long totalSessions,

        @Schema(description = "Events of category VIEW in the window.")
        long totalPageViews,

        @Schema(description = "Distinct perfumes with a PERFUME_VIEW in the window.")
        long totalPerfumesViewed,

        @Schema(description = "Events of category SEARCH in the window.")
        long totalSearches,

        @Schema(
                description =
                        "Events of categories RATING, REVIEW and COLLECTION in the window (the seed's calculation).")
        long totalInteractions,

        @Schema(description = "Mean duration of those sessions, in ms (the seed's avgSessionDuration); 0 without one.")
        double avgSessionDurationMs,

        @Schema(description = "RATING_COMPLETED events in the window.")
        long totalRatings,

        @Schema(description = "Mean overall value (1-5) of those ratings; absent without one.")
        Double avgRatingValue,

        @Schema(description = "REVIEW_SUBMITTED events in the window.")
        long totalReviews,

        @Schema(description = "Mean reviewLength of REVIEW_SUBMITTED and REVIEW_UPDATED events in the window.")
        Double avgReviewLength,

        @Schema(description = "Perfumes in the user's collection now (set semantics, latest add/remove wins).")
        long collectionSize,

        @Schema(description = "Perfumes in the user's wishlist now (set semantics, latest add/remove wins).")
        long wishlistSize,

        @Schema(description = "TRADE_INQUIRY, TRADE_OFFERED, TRADE_ACCEPTED and TRADE_DECLINED events in the window.")
        long tradingActivity,

        @Schema(description = "Events per UTC hour of day in the window, 24 counts, hour 0 first.")
        List<Long> activeTimeOfDay,

        @Schema(description = "Events per UTC day of week in the window, 7 counts, Monday first.")
        List<Long> activeDaysOfWeek,

        @Schema(description = "The search words used most in the window (at most 20), with counts.")
        List<TermCount> searchPatterns,

        @Schema(
                description = "explorer | focused | trader | casual (README \"browsingStyle\"); absent without events"
                        + " in the window.",
                enumeration = {"explorer", "focused", "trader", "casual"})
        String browsingStyle,

        @Schema(description = "0-100: activity 30 + volume 20 + depth 30 + sessions 20 (README \"engagementScore\").")
        double engagementScore,

        @Schema(
                description = "0-1 as of this request: 0 up to the user's usual gap between active days since their"
                        + " last activity, 1 from 4 usual gaps, linear between (README \"churnRisk\").")
        Double churnRisk,

        @Schema(description = "The median gap between the user's active days in the last 90 days (churnRisk's basis).")
        Double usualGapDays,

        @Schema(description = "The largest timestamp (UTC) of the user's counted events (real time).")
        Instant lastActiveDate,

        @Schema(
                description = "When the user signed up (UTC; the seed's accountAge counts from it, ADR 0020): the"
                        + " timestamp of their earliest USER_REGISTERED, else of their first counted event (real"
                        + " time).")
        Instant signupAt,

        @Schema(
                description = "Where signupAt comes from: registered (a USER_REGISTERED) or first-event (none arrived;"
                        + " it becomes registered when one does).",
                enumeration = {"registered", "first-event"})
        String signupSource,

        @Schema(
                description = "The user's segment in the latest weekly segmentation (GET /v1/segments); absent when"
                        + " that segmentation did not include them (no feature vector of its schema version).")
        String segmentId,

        @Schema(description = "The week (its Sunday, UTC) of that segmentation.")
        LocalDate segmentWeek) {

    /** A note or house and its weight. */
    public record Weight(String id, double weight) {}

    public record TypeCount(String perfumeType, long count) {}

    public record TermCount(String term, long count) {}

    static ProfileView of(UserBehaviorProfile p, ProfileRules rules, Instant now) {
        return new ProfileView(
                p.userId,
                p.asOf,
                p.computedBy,
                p.windowStart,
                weights(ProfileJson.weights(p.preferredNotes, "noteId")),
                weights(ProfileJson.weights(p.preferredHouses, "houseId")),
                ProfileJson.priceRange(p.preferredPriceRange),
                ProfileJson.counted(p.preferredPerfumeTypes, "perfumeType").stream()
                        .map(c -> new TypeCount(c.value(), c.count()))
                        .toList(),
                p.totalSessions,
                p.totalPageViews,
                p.totalPerfumesViewed,
                p.totalSearches,
                p.totalInteractions,
                p.avgSessionDurationMs,
                p.totalRatings,
                p.avgRatingValue,
                p.totalReviews,
                p.avgReviewLength,
                p.collectionSize,
                p.wishlistSize,
                p.tradingActivity,
                ProfileJson.counts(p.activeTimeOfDay),
                ProfileJson.counts(p.activeDaysOfWeek),
                ProfileJson.counted(p.searchPatterns, "term").stream()
                        .map(c -> new TermCount(c.value(), c.count()))
                        .toList(),
                p.browsingStyle,
                p.engagementScore,
                ChurnRisk.of(p.lastActiveDate, p.usualGapDays, now, rules),
                p.usualGapDays,
                p.lastActiveDate,
                p.signupAt,
                p.signupSource,
                p.segmentId,
                p.segmentWeek);
    }

    private static List<Weight> weights(List<Weighted> weights) {
        return weights.stream().map(w -> new Weight(w.id(), w.weight())).toList();
    }
}
