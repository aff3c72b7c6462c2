package com.newsmell.profile.calculation;

/**
 * engagementScore in 0–100, over the window, the sum of four capped components (rounded to 2 decimals):
 *
 * <ul>
 *   <li>activity: activityPoints × active days / window days;
 *   <li>volume: volumePoints × min(1, events / volumeFullAt);
 *   <li>depth: depthPoints × min(1, (ratings + reviews + wishlist adds + collection adds + trades) / depthFullAt);
 *   <li>sessions: sessionPoints × min(1, average session seconds / sessionFullAtSeconds).
 * </ul>
 *
 * With the default points (30 + 20 + 30 + 20) the score is at most 100.
 */
public final class EngagementScore {

    private EngagementScore() {}

    public static double of(
            long activeDays, long events, long deepActions, double avgSessionSeconds, ProfileRules rules) {
        ProfileRules.Engagement e = rules.engagement();
        double activity = e.activityPoints() * Math.min(1, activeDays / (double) rules.windowDays());
        double volume = e.volumePoints() * Math.min(1, events / (double) e.volumeFullAt());
        double depth = e.depthPoints() * Math.min(1, deepActions / (double) e.depthFullAt());
        double session = e.sessionPoints() * Math.min(1, avgSessionSeconds / e.sessionFullAtSeconds());
        return PreferenceWeights.round(activity + volume + depth + session, 2);
    }
}
