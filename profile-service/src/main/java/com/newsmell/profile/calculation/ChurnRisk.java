package com.newsmell.profile.calculation;

import java.time.Duration;
import java.time.Instant;

/**
 * churnRisk in 0–1, as of the moment it is read (so it is right on every day for every user): with d the days (with
 * fractions) since the user's last activity and g their usual gap ({@link UsualGap}), r = d / g; risk = 0 while
 * r ≤ 1 (not later than usual), 1 from r ≥ fullRiskGaps, linear in between: (r − 1) / (fullRiskGaps − 1). Rounded to
 * 4 decimals. Null for a user with no activity.
 */
public final class ChurnRisk {

    private ChurnRisk() {}

    public static Double of(Instant lastActive, Double usualGapDays, Instant now, ProfileRules rules) {
        if (lastActive == null) {
            return null;
        }
        double gap = usualGapDays == null ? rules.churn().defaultUsualGapDays() : usualGapDays;
        double days = Math.max(0, Duration.between(lastActive, now).toMillis()) / 86_400_000.0;
        double ratio = days / gap;
        double risk = (ratio - 1) / (rules.churn().fullRiskGaps() - 1);
        return PreferenceWeights.round(Math.min(1, Math.max(0, risk)), 4);
    }
}
