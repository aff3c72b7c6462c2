package com.newsmell.profile.calculation;

import com.newsmell.profile.rollup.DayActivity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's day rows ({@code user_day_activity}) folded over the run's window and history, one day at a time: the
 * window's events per event type, per UTC hour and per weekday, search terms, rating and review sums, active days; the
 * history's active days (churnRisk's usual gap); whether any day lies after the run's day. Pure. The job feeds it
 * straight from the rows it reads (no per-day objects); {@link #of} feeds it day rows.
 *
 * <p>A day is fed as {@link #startDay}, any number of counts, then {@link #endDay}. Days may come in any order.
 */
public final class ActivityTotals {

    private final ProfileWindow window;
    private final Map<String, Long> eventCounts = new HashMap<>();
    private final long[] hours = new long[24];
    private final long[] weekdays = new long[7];
    private final Map<String, Long> searchTerms = new HashMap<>();
    private final List<LocalDate> historyActiveDays = new ArrayList<>();
    private long ratingCount;
    private BigDecimal ratingSum = BigDecimal.ZERO;
    private long reviewLengthCount;
    private long reviewLengthSum;
    private long activeDays;
    private boolean daysAfterRun;

    private LocalDate day;
    private boolean dayInWindow;
    private long dayEvents;

    public ActivityTotals(ProfileWindow window) {
        this.window = window;
    }

    /** These day rows, folded. */
    public static ActivityTotals of(List<DayActivity> days, ProfileWindow window) {
        ActivityTotals totals = new ActivityTotals(window);
        for (DayActivity d : days) {
            totals.startDay(d.day());
            d.eventCounts().forEach(totals::events);
            d.hourCounts().forEach((hour, n) -> totals.hour(Integer.parseInt(hour), n));
            d.searchTerms().forEach(totals::searchTerm);
            totals.ratings(d.ratingCount(), d.ratingSum());
            totals.reviews(d.reviewLengthCount(), d.reviewLengthSum());
            totals.endDay();
        }
        return totals;
    }

    public void startDay(LocalDate day) {
        this.day = day;
        this.dayInWindow = window.inWindow(day);
        this.dayEvents = 0;
        this.daysAfterRun |= day.isAfter(window.day());
    }

    /** {@code n} events of this type on the day. */
    public void events(String eventType, long n) {
        dayEvents += n;
        if (dayInWindow) {
            eventCounts.merge(eventType, n, Long::sum);
        }
    }

    /** {@code n} events in this UTC hour (0–23) of the day. */
    public void hour(int hour, long n) {
        if (dayInWindow) {
            hours[hour] += n;
        }
    }

    public void searchTerm(String term, long n) {
        if (dayInWindow) {
            searchTerms.merge(term, n, Long::sum);
        }
    }

    /** The day's RATING_COMPLETED overall values: how many, and their sum. */
    public void ratings(long count, BigDecimal sum) {
        if (dayInWindow && count > 0) {
            ratingCount += count;
            ratingSum = ratingSum.add(sum);
        }
    }

    /** The day's review lengths: how many, and their sum. */
    public void reviews(long count, long lengthSum) {
        if (dayInWindow) {
            reviewLengthCount += count;
            reviewLengthSum += lengthSum;
        }
    }

    public void endDay() {
        if (dayEvents > 0 && !day.isBefore(window.historyStart()) && !day.isAfter(window.day())) {
            historyActiveDays.add(day);
        }
        if (dayInWindow) {
            weekdays[day.getDayOfWeek().getValue() - 1] += dayEvents;
            activeDays += dayEvents > 0 ? 1 : 0;
        }
    }

    /** The window's events per event type. */
    public Map<String, Long> eventCounts() {
        return eventCounts;
    }

    public long eventCount(String eventType) {
        return eventCounts.getOrDefault(eventType, 0L);
    }

    /** The window's events per UTC hour, 0–23. */
    public long[] hours() {
        return hours.clone();
    }

    /** The window's events per weekday, Monday first. */
    public long[] weekdays() {
        return weekdays.clone();
    }

    public Map<String, Long> searchTerms() {
        return searchTerms;
    }

    public long ratingCount() {
        return ratingCount;
    }

    public BigDecimal ratingSum() {
        return ratingSum;
    }

    public long reviewLengthCount() {
        return reviewLengthCount;
    }

    public long reviewLengthSum() {
        return reviewLengthSum;
    }

    /** The window's days with at least one event. */
    public long activeDays() {
        return activeDays;
    }

    /** The history's days with at least one event, ascending. */
    public List<LocalDate> historyActiveDays() {
        List<LocalDate> sorted = new ArrayList<>(historyActiveDays);
        sorted.sort(null);
        return sorted;
    }

    /** Whether a day after the run's day was fed (a run with an earlier clock than some events, e.g. a catch-up). */
    public boolean daysAfterRun() {
        return daysAfterRun;
    }
}
