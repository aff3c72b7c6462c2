package com.newsmell.session.metrics;

import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.http.TimeGrid;
import com.newsmell.toolkit.jobs.JobRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** Session and search metrics; parameters are checked here (ranges on the bucket grid, ADR 0013). */
@ApplicationScoped
public class MetricsService {

    /** The longest range of hourly session buckets: 93 days. */
    static final long MAX_HOURS = Duration.ofDays(93).toHours();

    /** The longest range of daily session buckets: 3 × 366 days. */
    static final long MAX_DAYS = 3 * 366;

    /** The longest search-metrics range (sums over hourly rollups, no buckets returned): 3 × 366 days. */
    static final long MAX_SEARCH_HOURS = MAX_DAYS * 24;

    private final MetricsRepository rollups;
    private final JobRunRepository jobRuns;

    public MetricsService(MetricsRepository rollups, JobRunRepository jobRuns) {
        this.rollups = rollups;
        this.jobRuns = jobRuns;
    }

    public Uni<SessionMetrics> sessions(
            String from, String to, String granularity, String deviceType, String includeBots) {
        String unit = QueryParams.oneOf("granularity", granularity, "hour", List.of("hour", "day"));
        TimeGrid grid = unit.equals("day") ? TimeGrid.DAY : TimeGrid.HOUR;
        TimeGrid.Range range = grid.range(from, to, grid == TimeGrid.DAY ? MAX_DAYS : MAX_HOURS);
        boolean bots = QueryParams.bool("includeBots", includeBots);
        String device = QueryParams.blankToNull(deviceType);
        return rollups.sessionTotals(range.from(), range.to(), unit, device, bots)
                .map(rows -> SessionMetrics.of(range, device, bots, rows));
    }

    public Uni<SearchMetrics> searches(String from, String to, String includeBots, String top) {
        TimeGrid.Range range = TimeGrid.HOUR.range(from, to, MAX_SEARCH_HOURS);
        boolean bots = QueryParams.bool("includeBots", includeBots);
        int topN = QueryParams.integer("top", top, 10, 1, 100);
        var start = range.from();
        var end = range.to();
        return jobRuns.latestAsOf(HourlyRollupJob.NAME)
                .chain(asOf -> rollups.searchTotals(start, end, bots)
                        .chain(totals -> rollups.topQueries(start, end, bots, "searches", topN)
                                .chain(topQueries -> rollups.topQueries(start, end, bots, "no_results", topN)
                                        .chain(noResults -> rollups.clickTimes(start, end, bots)
                                                .chain(times -> rollups.clickPositions(start, end, bots)
                                                        .map(positions -> SearchMetrics.of(
                                                                range,
                                                                bots,
                                                                asOf,
                                                                totals,
                                                                topQueries,
                                                                noResults,
                                                                times,
                                                                positions)))))));
    }
}
