package com.newsmell.collector.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.toolkit.api.Comparison;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/events/metrics} from the raw store: the window's totals, then its buckets (every one, 0 where nothing
 * happened) or one page of a breakdown's values, then, when asked, the previous period's totals and the change.
 */
@ApplicationScoped
public class EventMetricsService {

    private final EventMetricsRepository repository;
    private final ObjectMapper mapper;

    public EventMetricsService(EventMetricsRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    public Uni<Metrics<EventBucket, EventFigures>> metrics(EventMetricsQuery query) {
        // The raw store answers as of the read: events received later (up to the accepted lateness) may still change
        // the figures of a window that has ended.
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TimeWindow window = query.window();
        Uni<Metrics<EventBucket, EventFigures>> answer = repository
                .totals(window, query)
                .chain(totals -> query.breakdown() == null
                        ? repository
                                .buckets(query)
                                .map(byIndex -> Metrics.of(
                                        window,
                                        asOf,
                                        query.filters(),
                                        totals,
                                        complete(window.bucketStarts(), byIndex)))
                        : repository
                                .breakdown(query, query.limit() + 1)
                                .map(values -> Metrics.<EventBucket, EventFigures>of(
                                                window, asOf, query.filters(), totals, null)
                                        .withBreakdown(page(query, values))));
        if (!query.comparePrevious()) {
            return answer;
        }
        TimeWindow previous = window.previous();
        return answer.chain(metrics -> repository
                .totals(previous, query)
                .map(before -> metrics.withComparison(Comparison.of(previous, metrics.totals(), before, mapper))));
    }

    /** Every bucket of the window, in order: its figures, or 0 where nothing happened. */
    static List<EventBucket> complete(List<Instant> starts, Map<Integer, EventFigures> byIndex) {
        List<EventBucket> buckets = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            buckets.add(EventBucket.of(starts.get(i), byIndex.getOrDefault(i, EventFigures.ZERO)));
        }
        return buckets;
    }

    /** One page of the breakdown's values from rows fetched with limit + 1: the cursor when a further value exists. */
    static Metrics.BreakdownTotals<EventFigures> page(EventMetricsQuery query, List<Metrics.Value<EventFigures>> rows) {
        boolean more = rows.size() > query.limit();
        return new Metrics.BreakdownTotals<>(
                query.breakdown().parameter,
                more ? rows.subList(0, query.limit()) : rows,
                more ? Paging.offsetCursor(query.offset() + query.limit()) : null);
    }
}
