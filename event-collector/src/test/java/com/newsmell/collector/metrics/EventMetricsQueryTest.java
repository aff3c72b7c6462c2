package com.newsmell.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.MetricsParams;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event metrics' parameters, pure: strings in, an {@link EventMetricsQuery} or a 400 problem naming one. */
class EventMetricsQueryTest {

    private static EventMetricsQuery query(Map<String, String> p) {
        return EventMetricsQuery.of(
                new WindowParams(p.getOrDefault("from", "2026-12-01"), p.getOrDefault("to", "2026-12-03"), p.get("tz")),
                new MetricsParams(p.get("granularity"), p.get("filters"), p.get("compare")),
                new BotParams(p.get("includeBots")),
                p.get("breakdown"),
                new PageParams(p.get("limit"), p.get("cursor")));
    }

    private static Violation rejected(Map<String, String> p) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> query(p));
        assertThat(problem.problem().status()).isEqualTo(400);
        return problem.problem().errors().get(0);
    }

    // ADR 0015: granularity "default day everywhere"; includeBots default false; no breakdown, filters or compare.
    @Test
    void defaults() {
        EventMetricsQuery q = query(Map.of());
        assertThat(q.window().granularity()).isEqualTo(TimeWindow.Granularity.DAY);
        assertThat(q.window().from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(q.window().bucketCount()).isEqualTo(2);
        assertThat(q.includeBots()).isFalse();
        assertThat(q.breakdown()).isNull();
        assertThat(q.filters().isEmpty()).isTrue();
        assertThat(q.comparePrevious()).isFalse();
        assertThat(q.limit()).isEqualTo(100);
        assertThat(q.offset()).isZero();
    }

    // ADR 0015: the dimensions of GET /v1/events/metrics, and the raw store's column behind each.
    @Test
    void theDimensionsAreTheAdrsWithTheirColumns() {
        assertThat(EventDimension.NAMES)
                .containsExactly(
                        "eventType",
                        "eventCategory",
                        "country",
                        "deviceType",
                        "browser",
                        "os",
                        "source",
                        "referrer",
                        "path");
        assertThat(EventDimension.COLUMNS)
                .containsEntry("country", "location")
                .containsEntry("deviceType", "device_type")
                .containsEntry("eventType", "event_type")
                .containsEntry("source", "source");
        assertThat(EventDimension.EVENT_TYPE.allowed)
                .containsExactlyElementsOf(Arrays.stream(InteractionEventType.values())
                        .map(Enum::name)
                        .toList());
        assertThat(EventDimension.EVENT_CATEGORY.allowed)
                .containsExactlyElementsOf(Arrays.stream(InteractionCategory.values())
                        .map(Enum::name)
                        .toList());
    }

    @Test
    void breakdownFiltersCompareAndPaging() {
        EventMetricsQuery q = query(Map.of(
                "breakdown", "country",
                "filters", "deviceType==mobile|(unknown);eventType!=PAGE_VIEW;source==google.com",
                "compare", "previous_period",
                "includeBots", "true",
                "limit", "5",
                "cursor", Paging.offsetCursor(10),
                "granularity", "hour",
                "from", "2026-12-01T10:00:00Z",
                "to", "2026-12-01T13:00:00Z"));
        assertThat(q.breakdown()).isEqualTo(EventDimension.COUNTRY);
        assertThat(q.filters().echo())
                .containsExactly(
                        Map.entry("deviceType", "==mobile|(unknown)"),
                        Map.entry("eventType", "!=PAGE_VIEW"),
                        Map.entry("source", "==google.com"));
        assertThat(q.comparePrevious()).isTrue();
        assertThat(q.includeBots()).isTrue();
        assertThat(q.limit()).isEqualTo(5);
        assertThat(q.offset()).isEqualTo(10);
        assertThat(q.window().bucketCount()).isEqualTo(3);
    }

    // ADR 0015: "Every enum value is checked, filter values of enum dimensions too"; the parameter and rule named.
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "filters; deviceType==phone; filters; enum",
                "filters; eventType==VIEW; filters; enum",
                "filters; eventCategory==view; filters; enum",
                "filters; houseId==h-1; filters; enum",
                "filters; country=DE; filters; format",
                "breakdown; entryPage; breakdown; enum",
                "compare; last_week; compare; enum",
                "granularity; week; granularity; enum",
                "includeBots; yes; includeBots; type",
                "limit; 1001; limit; range",
                "cursor; garbage; cursor; format",
                "tz; Mars/Olympus; tz; zone",
                "from; 2026-12-01T10:30:00Z; from; grid",
                "to; 2026-11-30; to; after-from",
                "to; 2030-12-01; to; max-range"
            })
    void badValuesAreProblemsNamingTheParameter(String name, String value, String parameter, String rule) {
        Map<String, String> p = new java.util.HashMap<>(Map.of(name, value));
        if (name.equals("cursor")) {
            p.put("breakdown", "os");
        }
        Violation error = rejected(p);
        assertThat(error.pointer()).isEqualTo("?" + parameter);
        assertThat(error.rule()).isEqualTo(rule);
    }

    // Filters on closed dimensions accept every value of the contract and (unknown).
    @Test
    void enumFilterValuesAreTheContracts() {
        assertThat(query(Map.of("filters", "eventType==RECOMMENDATION_FEEDBACK|(unknown);eventCategory==CONVERSION"))
                        .filters()
                        .conditions())
                .hasSize(2);
        assertThat(query(Map.of("filters", "deviceType!=tablet|desktop"))
                        .filters()
                        .conditions())
                .hasSize(1);
    }

    // The buckets are never paged: a cursor without a breakdown is not one this API returned.
    @Test
    void aCursorWithoutABreakdownIsRejected() {
        Violation error = rejected(Map.of("cursor", Paging.offsetCursor(100)));
        assertThat(error.pointer()).isEqualTo("?cursor");
        assertThat(error.rule()).isEqualTo("format");
    }

    // ADR 0015: from and to are required on a metrics endpoint.
    @Test
    void fromAndToAreRequired() {
        ProblemException problem = catchThrowableOfType(
                ProblemException.class,
                () -> EventMetricsQuery.of(
                        new WindowParams(null, "2026-12-03", null),
                        new MetricsParams(),
                        new BotParams(),
                        null,
                        new PageParams()));
        assertThat(problem.problem().errors().get(0).pointer()).isEqualTo("?from");
        assertThat(problem.problem().errors().get(0).rule()).isEqualTo("required");
    }
}
