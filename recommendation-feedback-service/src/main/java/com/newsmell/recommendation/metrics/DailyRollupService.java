package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.LedgerReader;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daily rollup's reads and writes: which days to compute, one transaction per day (unmark it, read its attributed
 * impressions, replace its cells and status), and the rollup as served.
 */
@ApplicationScoped
public class DailyRollupService {

    private final RollupRepository rollup;
    private final LedgerReader ledger;

    public DailyRollupService(RollupRepository rollup, LedgerReader ledger) {
        this.rollup = rollup;
        this.ledger = ledger;
    }

    /**
     * The days to compute at {@code clock}: the marked days before the clock's day, the provisional days whose window
     * has passed, and the day before the clock's (so that every day gets a status, with or without events).
     */
    @WithSession
    public Uni<List<LocalDate>> daysToCompute(Instant clock) {
        LocalDate today = LocalDate.ofInstant(clock, ZoneOffset.UTC);
        return rollup.dirtyDays(today)
                .chain(dirty -> rollup.due(clock).map(due -> {
                    List<LocalDate> days = RollupRepository.merged(dirty, due);
                    if (!days.contains(today.minusDays(1))) {
                        days.add(today.minusDays(1));
                        days.sort(null);
                    }
                    return days;
                }));
    }

    /** Computes one day again; returns whether it is still provisional. */
    @WithTransaction
    public Uni<Boolean> compute(LocalDate day, Instant clock) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant finalAfter = end.plus(ledger.window());
        boolean provisional = finalAfter.isAfter(clock);
        return rollup.unmark(day).chain(() -> ledger.impressions(start, end)).chain(rows -> {
            Map<DailyRollup.Key, Counts> cells = DailyRollup.cells(rows);
            return rollup.replace(day, cells, DailyRollup.digest(cells), provisional, finalAfter, Instant.now())
                    .replaceWith(provisional);
        });
    }

    /** The rollup of the days in [from, to): each day's status and cells. */
    @WithSession
    public Uni<List<DailyMetrics.Day>> days(LocalDate from, LocalDate to, String algorithm, String source) {
        return rollup.statuses(from, to)
                .chain(statuses -> rollup.cells(from, to).map(cells -> {
                    List<DailyMetrics.Day> days = new ArrayList<>();
                    for (RollupRepository.DayStatus s : statuses) {
                        Map<DailyRollup.Key, Counts> day =
                                new java.util.TreeMap<>(cells.getOrDefault(s.day(), Map.of()));
                        day.keySet()
                                .removeIf(k -> (algorithm != null && !algorithm.equals(k.algorithm()))
                                        || (source != null && !source.equals(k.source())));
                        days.add(new DailyMetrics.Day(
                                s.day(),
                                s.provisional(),
                                s.finalAfter(),
                                s.revision(),
                                s.computedAt(),
                                DailyRollup.view(day)));
                    }
                    return days;
                }));
    }
}
