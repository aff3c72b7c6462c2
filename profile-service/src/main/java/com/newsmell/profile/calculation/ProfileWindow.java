package com.newsmell.profile.calculation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days a run reads, as of its clock: the window is {@code windowDays} UTC days ending with the clock's day
 * (inclusive, so today's events so far count), the history {@code historyDays} days ending the same day.
 */
public record ProfileWindow(Instant asOf, LocalDate day, LocalDate windowStart, LocalDate historyStart) {

    public static ProfileWindow of(Instant asOf, ProfileRules rules) {
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        return new ProfileWindow(
                asOf, day, day.minusDays(rules.windowDays() - 1L), day.minusDays(rules.historyDays() - 1L));
    }

    /** The first instant of the window (sessions are in the window when they start at or after it). */
    public Instant windowStartInstant() {
        return windowStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean inWindow(LocalDate d) {
        return !d.isBefore(windowStart) && !d.isAfter(day);
    }
}
