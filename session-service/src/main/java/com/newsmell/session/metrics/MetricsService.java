package com.newsmell.session.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Comparison;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.jobs.JobRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session and search metrics (ADR 0015); parameters are checked here. Session metrics without breakdown and
 * filters are answered from the hourly rollup; with either, from user_session (the same definitions, so the same
 * totals).
 */
@ApplicationScoped
public class MetricsService {

    /** What the deprecated deviceType parameter takes: a device type, or (unknown) for sessions without one. */
    static final List<String> DEVICE_TYPE_VALUES = withUnknown(SessionDimensions.DEVICE_TYPES);

    /** What GET /v1/search/metrics/top-queries ranks by: the column of search_query_hourly. */
    static final Map<String, String> TOP_QUERY_METRICS = topQueryMetrics();

    private final MetricsRepository repository;
    private final JobRunRepository jobRuns;
    private final ObjectMapper mapper;

    public MetricsService(MetricsRepository repository, JobRunRepository jobRuns, ObjectMapper mapper) {
        this.repository = repository;
        this.jobRuns = jobRuns;
        this.mapper = mapper;
    }

    /** The parameters of GET /v1/sessions/metrics, as the resource received them. */
    public record SessionQuery(
            WindowParams window,
            MetricsParams params,
            BotParams bots,
            String breakdown,
            PageParams page,
            String deviceType) {}

    public Uni<Metrics<SessionMetricsBucket, SessionMetricsTotals>> sessions(SessionQuery q) {
        TimeWindow window = q.window().metrics(q.params().granularity());
        boolean bots = q.bots().included();
        String dimension = Breakdown.parse(q.breakdown(), SessionDimensions.NAMES);
        Filters filters = withDeviceType(
                Filters.parse(q.params().filters, SessionDimensions.NAMES)
                        .checkValues("deviceType", SessionDimensions.DEVICE_TYPES),
                q.deviceType());
        boolean compare = q.params().comparePrevious();
        int limit = q.page().size();
        int offset = q.page().offset();
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Uni<Metrics<SessionMetricsBucket, SessionMetricsTotals>> answer;
        if (dimension != null) {
            answer = repository
                    .sessionsByValue(window, bots, filters, dimension, offset, limit + 1)
                    .map(groups -> breakdown(window, asOf, filters, dimension, offset, limit, groups));
        } else {
            answer = sessionGroups(window, bots, filters)
                    .map(groups -> Metrics.of(
                            window,
                            asOf,
                            filters,
                            SessionMetricsTotals.of(Buckets.whole(groups, SessionTotals.NONE)),
                            Buckets.fill(
                                    window,
                                    groups,
                                    SessionTotals.NONE,
                                    (start, end, t) ->
                                            new SessionMetricsBucket(start, end, SessionMetricsTotals.of(t)))));
        }
        if (!compare) {
            return answer;
        }
        TimeWindow previous = window.previous();
        return answer.chain(metrics -> sessionGroups(previous, bots, filters)
                .map(groups -> metrics.withComparison(Comparison.of(
                        previous,
                        metrics.totals(),
                        SessionMetricsTotals.of(Buckets.whole(groups, SessionTotals.NONE)),
                        mapper))));
    }

    /** Per bucket and whole: from the rollup without filters, else from user_session. */
    private Uni<List<MetricsRepository.Grouped<SessionTotals>>> sessionGroups(
            TimeWindow window, boolean bots, Filters filters) {
        return filters.isEmpty()
                ? repository.sessionsFromRollup(window, bots)
                : repository.sessionsFromRows(window, bots, filters);
    }

    private static Metrics<SessionMetricsBucket, SessionMetricsTotals> breakdown(
            TimeWindow window,
            Instant asOf,
            Filters filters,
            String dimension,
            int offset,
            int limit,
            List<MetricsRepository.Grouped<SessionTotals>> groups) {
        List<Metrics.Value<SessionMetricsTotals>> values = groups.stream()
                .filter(g -> !g.whole())
                .map(g -> new Metrics.Value<>(g.value(), SessionMetricsTotals.of(g.totals())))
                .toList();
        String next = values.size() > limit ? Paging.offsetCursor(offset + limit) : null;
        Metrics<SessionMetricsBucket, SessionMetricsTotals> metrics = Metrics.of(
                window, asOf, filters, SessionMetricsTotals.of(Buckets.whole(groups, SessionTotals.NONE)), null);
        return metrics.withBreakdown(
                new Metrics.BreakdownTotals<>(dimension, values.subList(0, Math.min(limit, values.size())), next));
    }

    /**
     * The filters with the deprecated {@code deviceType=X} added as {@code deviceType==X} (its value checked: 400
     * deviceType/enum); 400 deviceType/repeated when filters name deviceType too.
     */
    static Filters withDeviceType(Filters filters, String deviceType) {
        if (QueryParams.blank(deviceType)) {
            return filters;
        }
        String value = QueryParams.oneOf("deviceType", deviceType, (String) null, DEVICE_TYPE_VALUES);
        if (filters.conditions().stream().anyMatch(c -> c.dimension().equals("deviceType"))) {
            throw QueryParams.bad(
                    "deviceType",
                    "repeated",
                    "deviceType is given twice, as a parameter and in filters; give it once, in filters"
                            + " (filters=deviceType==" + value + ").");
        }
        List<Filters.Condition> conditions = new ArrayList<>(filters.conditions());
        conditions.add(new Filters.Condition("deviceType", false, List.of(value)));
        return new Filters(List.copyOf(conditions));
    }

    /** The parameters of GET /v1/search/metrics. */
    public record SearchQuery(WindowParams window, String granularity, BotParams bots, String limit, String top) {}

    public Uni<SearchMetrics.SearchMetricsAnswer> searches(SearchQuery q) {
        TimeWindow window = QueryParams.blank(q.granularity())
                ? q.window().totals()
                : q.window().metrics(TimeWindow.Granularity.parse(q.granularity(), null));
        boolean bots = q.bots().included();
        int size = topSize(q.limit(), q.top());
        Instant start = window.from();
        Instant end = window.to();
        Uni<List<SearchMetrics.SearchMetricsBucket>> buckets = window.granularity() == null
                ? Uni.createFrom().nullItem()
                : repository
                        .searchBuckets(window, bots)
                        .map(groups -> Buckets.fill(
                                window,
                                groups,
                                new SearchTotals(0, 0, 0, 0, 0, 0),
                                (s, e, t) -> new SearchMetrics.SearchMetricsBucket(
                                        s, e, SearchMetrics.SearchOutcomes.of(t))));
        return jobRuns.latestAsOf(HourlyRollupJob.NAME)
                .chain(asOf -> repository
                        .searchTotals(start, end, bots)
                        .chain(totals -> repository
                                .topQueries(start, end, bots, "searches", 0, size)
                                .chain(topQueries -> repository
                                        .topQueries(start, end, bots, "no_results", 0, size)
                                        .chain(noResults -> repository
                                                .clickTimes(start, end, bots)
                                                .chain(times -> repository
                                                        .clickPositions(start, end, bots)
                                                        .chain(positions -> buckets.map(b -> Metrics.of(
                                                                window,
                                                                asOf,
                                                                null,
                                                                SearchMetrics.SearchMetricsTotals.of(
                                                                        totals,
                                                                        topQueries,
                                                                        noResults,
                                                                        times,
                                                                        positions),
                                                                b))))))))
                .map(metrics -> SearchMetrics.SearchMetricsAnswer.of(metrics, bots));
    }

    /** {@code limit} (1 to 1000, default 100), or the deprecated {@code top} when limit is absent. */
    static int topSize(String limit, String top) {
        if (!QueryParams.blank(limit) && !QueryParams.blank(top)) {
            throw QueryParams.bad("top", "repeated", "top is the deprecated name of limit; give limit only.");
        }
        if (!QueryParams.blank(top)) {
            return QueryParams.integer("top", top, ApiConvention.DEFAULT_LIMIT, 1, ApiConvention.MAX_LIMIT);
        }
        return Paging.limit(limit);
    }

    /** GET /v1/search/metrics/top-queries: a page of the ranking of normalised queries over a window. */
    public Uni<Page<SearchMetrics.QueryCount>> topQueries(
            WindowParams windowParams, BotParams botParams, String metric, PageParams page) {
        TimeWindow window = windowParams.totals();
        boolean bots = botParams.included();
        String column = QueryParams.oneOf("metric", metric, TOP_QUERY_METRICS, "searches");
        int size = page.size();
        int offset = page.offset();
        return repository
                .topQueries(window.from(), window.to(), bots, column, offset, size + 1)
                .map(rows -> new Page<>(
                                rows.subList(0, Math.min(size, rows.size())),
                                rows.size() > size ? Paging.offsetCursor(offset + size) : null)
                        .window(window.from(), window.to(), window.tz()));
    }

    private static Map<String, String> topQueryMetrics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("searches", "searches");
        m.put("noResultSearches", "no_results");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static List<String> withUnknown(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add(ApiConvention.UNKNOWN);
        return List.copyOf(all);
    }
}
