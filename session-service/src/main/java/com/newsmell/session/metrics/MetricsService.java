package com.newsmell.session.metrics;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import com.newsmell.contract.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        return rollups.sessionBuckets(fromTime, toTime, unit, device, bots).map(rows -> {
            List<SessionMetrics.Bucket> buckets = new ArrayList<>();
            for (Object[] r : rows) {
                long sessions = n(r[1]);
                long closed = n(r[2]);
                buckets.add(new SessionMetrics.Bucket(
                        Instant.ofEpochSecond(n(r[0])),
                        sessions,
                        n(r[10]),
                        closed == 0 ? null : (double) n(r[3]) / closed,
                        closed == 0 ? null : (double) n(r[4]) / closed,
                        (double) n(r[5]) / sessions,
                        (double) n(r[6]) / sessions,
                        (double) n(r[7]) / sessions,
                        (double) n(r[8]) / sessions,
                        (double) n(r[9]) / sessions));
            }
            return new SessionMetrics(fromTime, toTime, unit, device, bots, buckets);
        });
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
                                                .map(positions -> searchMetrics(
                                                        fromTime,
                                                        toTime,
                                                        bots,
                                                        totals.get(0),
                                                        topQueries,
                                                        noResults,
                                                        times,
                                                        positions))))));
    }

    private static SearchMetrics searchMetrics(
            Instant from,
            Instant to,
            boolean bots,
            Object[] totals,
            List<Object[]> topQueries,
            List<Object[]> noResults,
            List<Object[]> times,
            List<Object[]> positions) {
        long searches = n(totals[0]);
        return new SearchMetrics(
                from,
                to,
                bots,
                searches,
                counts(topQueries),
                counts(noResults),
                rate(n(totals[2]), searches),
                new SearchMetrics.ClickTime(percentile(times, 0.5), percentile(times, 0.9)),
                rate(n(totals[3]), searches),
                rate(n(totals[4]), searches),
                rate(n(totals[5]), searches),
                positions.stream()
                        .map(r -> new SearchMetrics.PositionCount((int) n(r[0]), n(r[1])))
                        .toList());
    }

    /** Nearest rank: the smallest value whose cumulative count reaches ceil(p × total). */
    static Integer percentile(List<Object[]> valueCounts, double p) {
        long total = valueCounts.stream().mapToLong(r -> n(r[1])).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Object[] r : valueCounts) {
            seen += n(r[1]);
            if (seen >= rank) {
                return (int) n(r[0]);
            }
        }
        return (int) n(valueCounts.get(valueCounts.size() - 1)[0]);
    }

    private static List<SearchMetrics.QueryCount> counts(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new SearchMetrics.QueryCount((String) r[0], n(r[1])))
                .toList();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
