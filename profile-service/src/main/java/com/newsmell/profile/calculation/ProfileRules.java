package com.newsmell.profile.calculation;

import com.newsmell.profile.config.ProfileConfig;

/**
 * The constants of every profile calculation, from {@link ProfileConfig} (README "Profile fields"); a plain record so
 * that the calculations are tested without Quarkus.
 */
public record ProfileRules(
        int windowDays,
        int historyDays,
        int topNotes,
        int topHouses,
        int topSearchTerms,
        Weights weights,
        Style style,
        Engagement engagement,
        Churn churn) {

    public record Weights(
            double view,
            double notesExpanded,
            double review,
            double wishlist,
            double collection,
            double ratingNeutral,
            double halfLifeDays) {}

    public record Style(
            int traderMinTrades,
            int casualMaxEvents,
            int casualMinActiveDays,
            int explorerMinPerfumes,
            double explorerMinDistinctShare) {}

    public record Engagement(
            double activityPoints,
            double volumePoints,
            int volumeFullAt,
            double depthPoints,
            int depthFullAt,
            double sessionPoints,
            int sessionFullAtSeconds) {}

    public record Churn(double defaultUsualGapDays, double fullRiskGaps) {}

    public ProfileRules {
        if (windowDays < 1 || historyDays < windowDays) {
            throw new IllegalArgumentException("newsmell.profile.window: need 1 <= days <= history-days");
        }
        if (churn.fullRiskGaps() <= 1) {
            throw new IllegalArgumentException("newsmell.profile.churn.full-risk-gaps must be above 1");
        }
    }

    /** The defaults of {@link ProfileConfig} (a test keeps the two equal). */
    public static ProfileRules defaults() {
        return new ProfileRules(
                30,
                90,
                25,
                15,
                20,
                new Weights(1, 1.5, 2, 3, 4, 3, 14),
                new Style(3, 30, 3, 15, 0.5),
                new Engagement(30, 20, 200, 30, 10, 20, 600),
                new Churn(7, 4));
    }

    public static ProfileRules of(ProfileConfig c) {
        ProfileConfig.Weights w = c.weights();
        ProfileConfig.Style s = c.style();
        ProfileConfig.Engagement e = c.engagement();
        return new ProfileRules(
                c.window().days(),
                c.window().historyDays(),
                c.window().topNotes(),
                c.window().topHouses(),
                c.window().topSearchTerms(),
                new Weights(
                        w.view(),
                        w.notesExpanded(),
                        w.review(),
                        w.wishlist(),
                        w.collection(),
                        w.ratingNeutral(),
                        w.halfLifeDays()),
                new Style(
                        s.traderMinTrades(),
                        s.casualMaxEvents(),
                        s.casualMinActiveDays(),
                        s.explorerMinPerfumes(),
                        s.explorerMinDistinctShare()),
                new Engagement(
                        e.activityPoints(),
                        e.volumePoints(),
                        e.volumeFullAt(),
                        e.depthPoints(),
                        e.depthFullAt(),
                        e.sessionPoints(),
                        e.sessionFullAtSeconds()),
                new Churn(c.churn().defaultUsualGapDays(), c.churn().fullRiskGaps()));
    }
}
