package com.newsmell.session.metrics;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Session and search metrics, read from the rollups; parameters are checked here. */
@ApplicationScoped
public class MetricsService {

    static final Duration MAX_HOURLY_RANGE = Duration.ofDays(93);
    static final Duration MAX_DAILY_RANGE = Duration.ofDays(3 * 366);

    private final MetricsRepository rollups;

    public MetricsService(MetricsRepository rollups) {
        this.rollups = rollups;
    }

    public Uni<SessionMetrics> sessions(
            String from, String to, String granularity, String deviceType, String includeBots) {
        Instant fromTime = QueryParams.requiredInstant("from", from);
        Instant toTime = QueryParams.requiredInstant("to", to);
        QueryParams.range(fromTime, toTime);
        String unit = QueryParams.oneOf("granularity", granularity, "hour", List.of("hour", "day"));
        Duration max = unit.equals("hour") ? MAX_HOURLY_RANGE : MAX_DAILY_RANGE;
        if (Duration.between(fromTime, toTime).compareTo(max) > 0) {
            throw new ProblemException(Problem.invalidQuery(
                    "to", "range", "At granularity " + unit + ", the range is at most " + max.toDays() + " days."));
        }
        boolean bots = QueryParams.bool("includeBots", includeBots);
        String device = QueryParams.blankToNull(deviceType);
        return rollups.sessionBuckets(fromTime, toTime, unit, device, bots)
                .map(totals -> new SessionMetrics(
                        fromTime,
                        toTime,
                        unit,
                        device,
                        bots,
                        totals.stream().map(SessionMetrics.Bucket::of).toList()));
    }

    public Uni<SearchMetrics> searches(String from, String to, String includeBots, String top) {
        Instant fromTime = QueryParams.requiredInstant("from", from);
        Instant toTime = QueryParams.requiredInstant("to", to);
        QueryParams.range(fromTime, toTime);
        boolean bots = QueryParams.bool("includeBots", includeBots);
        int topN = QueryParams.integer("top", top, 10, 1, 100);
        return rollups.searchTotals(fromTime, toTime, bots)
                .chain(totals -> rollups.topQueries(fromTime, toTime, bots, "searches", topN)
                        .chain(topQueries -> rollups.topQueries(fromTime, toTime, bots, "no_results", topN)
                                .chain(noResults -> rollups.clickTimes(fromTime, toTime, bots)
                                        .chain(times -> rollups.clickPositions(fromTime, toTime, bots)
                                                .map(positions -> SearchMetrics.of(
                                                        fromTime,
                                                        toTime,
                                                        bots,
                                                        totals,
                                                        topQueries,
                                                        noResults,
                                                        times,
                                                        positions))))));
    }
}
