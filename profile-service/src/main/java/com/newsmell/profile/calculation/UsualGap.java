package com.newsmell.profile.calculation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A user's usual gap between active days: the median of the gaps, in days, between consecutive UTC days with at least
 * one event in the history; with fewer than two active days, the configured default.
 */
public final class UsualGap {

    private UsualGap() {}

    /** @param activeDays the active days, ascending and distinct */
    public static double of(List<LocalDate> activeDays, ProfileRules rules) {
        if (activeDays.size() < 2) {
            return rules.churn().defaultUsualGapDays();
        }
        long[] gaps = new long[activeDays.size() - 1];
        for (int i = 1; i < activeDays.size(); i++) {
            gaps[i - 1] = ChronoUnit.DAYS.between(activeDays.get(i - 1), activeDays.get(i));
        }
        java.util.Arrays.sort(gaps);
        int n = gaps.length;
        return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2.0;
    }
}
