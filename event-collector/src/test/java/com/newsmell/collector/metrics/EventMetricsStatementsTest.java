package com.newsmell.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw-store statements of the event metrics, pure: the SQL and its parameters, without a database. */
class EventMetricsStatementsTest {

    private static EventMetricsQuery query(String filters, String breakdown, String includeBots) {
        return EventMetricsQuery.of(
                new WindowParams("2026-03-28", "2026-03-31", "Europe/Berlin"),
                new MetricsParams(null, filters, null),
                new BotParams(includeBots),
                breakdown,
                new PageParams());
    }

    // ADR 0015: bots are left out unless includeBots; the window is [from, to) on timestamp.
    @Test
    void theWindowAndBots() {
        var where = EventMetricsRepository.where(query(null, null, null).window(), query(null, null, null));
        assertThat(where.sql())
                .isEqualTo("timestamp >= cast(:from as timestamptz) and timestamp < cast(:to as timestamptz)"
                        + " and not is_bot");
        assertThat(where.parameters())
                .containsEntry("from", OffsetDateTime.parse("2026-03-27T23:00:00Z"))
                .containsEntry("to", OffsetDateTime.parse("2026-03-30T22:00:00Z"));
        EventMetricsQuery bots = query(null, null, "true");
        assertThat(EventMetricsRepository.where(bots.window(), bots).sql()).doesNotContain("is_bot");
    }

    // ADR 0015: "filters=deviceType==(unknown) selects them", ==, != and | as index-friendly predicates on columns.
    @Test
    void filtersBecomeInListsOnTheColumns() {
        EventMetricsQuery q = query("deviceType==mobile|(unknown);country!=DE|FR;browser==(unknown)", null, null);
        var where = EventMetricsRepository.where(q.window(), q);
        assertThat(where.sql())
                .endsWith(" and not is_bot and (device_type in (:f0) or device_type is null)"
                        + " and (location is null or not (location in (:f1))) and (false or browser is null)");
        assertThat(where.parameters()).containsEntry("f0", List.of("mobile")).containsEntry("f1", List.of("DE", "FR"));
    }

    // ADR 0015: "day buckets are the days of tz, 23 or 25 hours long across a DST change": the database groups by the
    // same bucket starts the API answers with (2026-03-29 in Berlin is 23 hours long).
    @Test
    void bucketsGroupByTheWindowsOwnBucketStarts() {
        EventMetricsQuery q = query(null, null, null);
        var statement = EventMetricsRepository.bucketsStatement(q);
        assertThat(statement.sql()).contains("width_bucket(timestamp, cast(cast(:bounds as text) as timestamptz[]))");
        assertThat(statement.parameters())
                .containsEntry("bounds", "{2026-03-27T23:00:00Z,2026-03-28T23:00:00Z,2026-03-29T22:00:00Z}");
    }

    @Test
    void aBreakdownGroupsByItsColumnMostFirst() {
        EventMetricsQuery q = query(null, "country", null);
        var statement = EventMetricsRepository.breakdownStatement(q, 101);
        assertThat(statement.sql())
                .startsWith("select location as value, count(*), count(distinct session_id),"
                        + " count(distinct user_id) from user_interaction_event where ")
                .endsWith(" group by location order by 2 desc, 1 asc nulls last limit :rows offset :offset");
        assertThat(statement.parameters()).containsEntry("rows", 101).containsEntry("offset", 0);
    }

    @Test
    void theBucketsAreCompleteWithZeros() {
        List<Instant> starts = List.of(
                Instant.parse("2026-03-27T23:00:00Z"),
                Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(EventMetricsService.complete(starts, Map.of(1, new EventFigures(5, 2, 1))))
                .containsExactly(
                        new EventBucket(starts.get(0), 0, 0, 0),
                        new EventBucket(starts.get(1), 5, 2, 1),
                        new EventBucket(starts.get(2), 0, 0, 0));
    }

    // ADR 0015: "breakdown is {dimension, items: [{value, totals}], nextCursor?}": a cursor only when more follow.
    @Test
    void aBreakdownPageHasACursorOnlyWhenMoreValuesFollow() {
        EventMetricsQuery q = EventMetricsQuery.of(
                new WindowParams("2026-03-28", "2026-03-31", null),
                new MetricsParams(),
                new BotParams(),
                "os",
                new PageParams("2", null));
        var values = List.of(
                new com.newsmell.toolkit.api.Metrics.Value<>("iOS", new EventFigures(3, 1, 1)),
                new com.newsmell.toolkit.api.Metrics.Value<>("Android", new EventFigures(2, 1, 1)),
                new com.newsmell.toolkit.api.Metrics.Value<>("(unknown)", new EventFigures(1, 1, 0)));
        var full = EventMetricsService.page(q, values);
        assertThat(full.dimension()).isEqualTo("os");
        assertThat(full.items()).hasSize(2);
        assertThat(com.newsmell.toolkit.api.Paging.offset(full.nextCursor())).isEqualTo(2);
        var last = EventMetricsService.page(q, values.subList(0, 2));
        assertThat(last.items()).hasSize(2);
        assertThat(last.nextCursor()).isNull();
    }
}
