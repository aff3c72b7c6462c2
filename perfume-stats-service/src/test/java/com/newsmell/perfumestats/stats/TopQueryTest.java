package com.newsmell.perfumestats.stats;

import static com.newsmell.perfumestats.Problems.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.timeseries.BucketSpans;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.WindowParams;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #22: "Top lists take from/to and minSample (default stated), and say the window they used"; "top?metric=
 * searchCTR ranks perfumes with 1 click of 1 impression first"; ADR 0015: limit 1-1000, default 100, an offset cursor.
 */
class TopQueryTest {

    private static final Instant NOW = Instant.parse("2026-06-20T10:17:00Z");

    @Test
    @DisplayName("defaults: all time, limit 100, first page; minSample 10 for a rate, none for a count")
    void defaults() {
        TopQuery rate = parse("searchCTR", null, null, null, null, null, null, null, null);
        assertThat(rate.allTime()).isTrue();
        assertThat(rate.limit()).isEqualTo(100);
        assertThat(rate.offset()).isZero();
        assertThat(rate.minSample()).isEqualTo(TopQuery.DEFAULT_MIN_SAMPLE).isEqualTo(10);
        assertThat(rate.minRatings()).isNull();
        assertThat(rate.houseId()).isNull();
        assertThat(parse("views", null, null, null, null, null, null, null, null)
                        .minSample())
                .isNull();
    }

    @Test
    @DisplayName("minSample applies to rates and averages; minRatings (deprecated) is avgRating's minSample when"
            + " minSample is not given, and still leaves out perfumes with fewer ratings")
    void minSampleAndItsDeprecatedAlias() {
        assertThat(parse("recommendationCTR", null, null, null, null, null, "50", null, null)
                        .minSample())
                .isEqualTo(50);
        TopQuery alias = parse("avgRating", null, null, null, null, null, null, "3", null);
        assertThat(alias.minSample()).isEqualTo(3);
        assertThat(alias.minRatings()).isEqualTo(3);
        assertThat(parse("avgRating", null, null, null, null, null, "7", "3", null)
                        .minSample())
                .isEqualTo(7);
        assertThat(errors(() -> parse("searchCTR", null, null, null, null, null, "0", null, null)))
                .containsExactly("minSample range");
        assertThat(errors(() -> parse("views", null, null, null, null, null, "many", null, null)))
                .containsExactly("minSample type");
    }

    @Test
    @DisplayName("limit 1 to 1000; the cursor is the offset of the next page")
    void paging() {
        TopQuery q = parse("views", "1000", Paging.offsetCursor(2000), null, null, null, null, null, null);
        assertThat(q.limit()).isEqualTo(1000);
        assertThat(q.offset()).isEqualTo(2000);
        assertThat(errors(() -> parse("views", "1001", null, null, null, null, null, null, null)))
                .containsExactly("limit range");
        assertThat(errors(() -> parse("views", null, "not-a-cursor", null, null, null, null, null, null)))
                .containsExactly("cursor format");
        assertThat(errors(() -> parse(
                        "views", null, Paging.offsetCursor(Integer.MAX_VALUE), null, null, null, null, null, null)))
                .containsExactly("cursor format");
    }

    @Test
    @DisplayName("from/to: instants or dates (in tz), summed from the buckets; either end may be open")
    void windows() {
        TopQuery q = parse("views", null, null, "2026-06-10T06:00:00Z", "2026-06-12", null, null, null, null);
        assertThat(q.allTime()).isFalse();
        assertThat(q.spans())
                .isEqualTo(
                        BucketSpans.of(Instant.parse("2026-06-10T06:00:00Z"), Instant.parse("2026-06-12T00:00:00Z")));
        TopQuery berlin = parse("views", null, null, "2026-06-10", null, "Europe/Berlin", null, null, null);
        assertThat(berlin.window().from()).isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
        assertThat(berlin.window().to()).isNull();
        assertThat(berlin.window().tz()).isEqualTo("Europe/Berlin");
        assertThat(berlin.spans().daily().to()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        TopQuery until = parse("views", null, null, null, "2026-06-12", null, null, null, null);
        assertThat(until.spans().daily().from()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("a window: whole UTC hours (grid), after from, partial days within the hourly retention, and only"
            + " for metrics kept per bucket (window)")
    void windowRules() {
        assertThat(errors(() -> parse("views", null, null, "2026-06-10T06:30:00Z", null, null, null, null, null)))
                .containsExactly("from grid");
        assertThat(errors(() -> parse("views", null, null, "2026-06-10", "2026-06-10", null, null, null, null)))
                .containsExactly("to after-from");
        assertThat(errors(() -> parse("views", null, null, "2026-01-10T06:00:00Z", null, null, null, null, null)))
                .containsExactly("from retention");
        assertThat(errors(
                        () -> parse("views", null, null, "2026-01-10", "2026-01-20T06:00:00Z", null, null, null, null)))
                .containsExactly("to retention");
        assertThat(parse("views", null, null, "2026-01-10", "2026-01-20", null, null, null, null)
                        .spans()
                        .hourly())
                .isEmpty(); // whole UTC days: kept for good
        assertThat(errors(() -> parse("uniqueViewers", null, null, "2026-06-10", null, null, null, null, null)))
                .containsExactly("metric window");
        assertThat(errors(() -> parse("viewsLast7Days", null, null, null, "2026-06-10", null, null, null, null)))
                .containsExactly("metric window");
    }

    @Test
    @DisplayName("metric required and one of the list; houseId not blank")
    void metricAndHouse() {
        assertThat(errors(() -> parse(null, null, null, null, null, null, null, null, null)))
                .containsExactly("metric required");
        assertThat(errors(() -> parse("likes", null, null, null, null, null, null, null, null)))
                .containsExactly("metric enum");
        assertThat(errors(() -> parse("views", null, null, null, null, null, null, null, " ")))
                .containsExactly("houseId not-blank");
        assertThat(parse("views", null, null, null, null, null, null, null, "house-008")
                        .houseId())
                .isEqualTo("house-008");
    }

    @Test
    @DisplayName("a ranked rate comes with its numerator and denominator; a count is whole")
    void rankedValues() {
        PerfumeInteractionStats s = new PerfumeInteractionStats();
        s.perfumeId = "p1";
        s.searchClicks = 3;
        s.searchImpressions = 12;
        s.searchCtr = 0.25;
        s.totalViews = 7;
        s.viewDurationSum = new BigDecimal("1500.5");
        s.viewDurationCount = 2;
        s.avgViewDuration = 750.25;

        RankedPerfume ctr = RankedPerfume.allTime(TopMetric.SEARCH_CTR, s);
        assertThat(ctr.value()).isEqualTo(0.25);
        assertThat(ctr.numerator()).isEqualTo(3);
        assertThat(ctr.denominator()).isEqualTo(12);
        RankedPerfume duration = RankedPerfume.allTime(TopMetric.AVG_VIEW_DURATION_MS, s);
        assertThat(duration.value()).isEqualTo(750.25);
        assertThat(duration.numerator()).isEqualTo(1500.5);
        RankedPerfume views = RankedPerfume.allTime(TopMetric.VIEWS, s);
        assertThat(views.value()).isEqualTo(7L);
        assertThat(views.numerator()).isNull();
        assertThat(views.stats().perfumeId()).isEqualTo("p1");
    }

    private static TopQuery parse(
            String metric,
            String limit,
            String cursor,
            String from,
            String to,
            String tz,
            String minSample,
            String minRatings,
            String houseId) {
        return TopQuery.parse(
                metric,
                new PageParams(limit, cursor),
                new WindowParams(from, to, tz),
                minSample,
                minRatings,
                houseId,
                NOW,
                35);
    }
}
