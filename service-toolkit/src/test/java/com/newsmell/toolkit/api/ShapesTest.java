package com.newsmell.toolkit.api;

import static com.newsmell.toolkit.api.Problems.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.newsmell.toolkit.http.Page;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 0015, "Shapes" and "Exports": JSON conventions, comparisons, CSV, paging and the source rule. */
class ShapesTest {

    record Totals(long sessions, Double bounceRate, Instant lastSeen) {}

    record Bucket(Instant start, long sessions) {}

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonConvention().customize(mapper);
        return mapper;
    }

    @Test
    void instantsHaveMillisecondsAndNullsAreLeftOut() throws Exception {
        String json = mapper().writeValueAsString(new Totals(3, null, Instant.parse("2026-12-06T04:00:00Z")));
        assertThat(json).isEqualTo("{\"sessions\":3,\"lastSeen\":\"2026-12-06T04:00:00.000Z\"}");
        assertThat(mapper().writeValueAsString(Instant.parse("2026-12-06T04:00:00.123456Z")))
                .isEqualTo("\"2026-12-06T04:00:00.123Z\"");
    }

    @Test
    void aComparisonGivesTheDifferenceAndThePercentOfEveryFigure() {
        TimeWindow window = TimeWindow.metrics("2026-12-08", "2026-12-15", null, TimeWindow.Granularity.DAY);
        Comparison<Totals> c =
                Comparison.of(window.previous(), new Totals(15, 0.25, null), new Totals(10, 0.5, null), mapper());
        assertThat(c.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(c.to()).isEqualTo(window.from());
        assertThat(c.change().get("sessions").difference()).isEqualByComparingTo("5");
        assertThat(c.change().get("sessions").percent()).isEqualByComparingTo("50.00");
        assertThat(c.change().get("bounceRate").difference()).isEqualByComparingTo("-0.25");
        assertThat(c.change().get("bounceRate").percent()).isEqualByComparingTo("-50.00");
        assertThat(Comparison.change(BigDecimal.ONE, BigDecimal.ZERO).percent()).isNull();
    }

    @Test
    void csvHasAHeaderRowAndQuotesWhatNeedsIt() throws Exception {
        ObjectMapper mapper = mapper();
        Metrics<Bucket, Totals> metrics = Metrics.of(
                TimeWindow.metrics("2026-12-01", "2026-12-03", null, TimeWindow.Granularity.DAY),
                null,
                null,
                new Totals(3, 0.5, null),
                List.of(
                        new Bucket(Instant.parse("2026-12-01T00:00:00Z"), 1),
                        new Bucket(Instant.parse("2026-12-02T00:00:00Z"), 2)));
        StringWriter out = new StringWriter();
        CsvWriter.write(CsvWriter.rows(mapper.valueToTree(metrics)), out);
        assertThat(out.toString())
                .isEqualTo("start,sessions\r\n2026-12-01T00:00:00.000Z,1\r\n2026-12-02T00:00:00.000Z,2\r\n");

        JsonNode page = mapper.valueToTree(
                new Page<>(List.of(new Row("a,b", "say \"hi\""), new Row("line\nbreak", null)), null));
        StringWriter rows = new StringWriter();
        CsvWriter.write(CsvWriter.rows(page), rows);
        assertThat(rows.toString()).isEqualTo("id,text\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\r\n");
    }

    record Row(String id, String text) {}

    @Test
    void aColumnMissingFromTheFirstRowKeepsItsPlace() throws Exception {
        ObjectMapper mapper = mapper();
        JsonNode rows = mapper.readTree("{\"items\":[{\"a\":1,\"c\":3},{\"a\":1,\"b\":2,\"c\":3,\"d\":4}]}");
        StringWriter out = new StringWriter();
        CsvWriter.write(CsvWriter.rows(rows), out);
        assertThat(out.toString()).isEqualTo("a,b,c,d\r\n1,,3,\r\n1,2,3,4\r\n");
    }

    @Test
    void aBreakdownIsTheRowsOfItsCsvAndTotalsAloneAreOneRow() throws Exception {
        ObjectMapper mapper = mapper();
        Metrics<Bucket, Totals> m = Metrics.<Bucket, Totals>of(
                        TimeWindow.metrics("2026-12-01", "2026-12-02", null, TimeWindow.Granularity.DAY),
                        null,
                        null,
                        new Totals(3, null, null),
                        List.of())
                .withBreakdown(new Metrics.BreakdownTotals<>(
                        "country",
                        List.of(
                                new Metrics.Value<>("DE", new Totals(2, null, null)),
                                new Metrics.Value<>(ApiConvention.UNKNOWN, new Totals(1, null, null))),
                        null));
        StringWriter out = new StringWriter();
        CsvWriter.write(CsvWriter.rows(mapper.valueToTree(m)), out);
        assertThat(out.toString()).isEqualTo("value,totals.sessions\r\nDE,2\r\n(unknown),1\r\n");

        StringWriter one = new StringWriter();
        CsvWriter.write(CsvWriter.rows(mapper.readTree("{\"from\":\"x\",\"totals\":{\"searches\":4}}")), one);
        assertThat(one.toString()).isEqualTo("searches\r\n4\r\n");
    }

    @Test
    void pagingHasOneDefaultOneMaximumAndOpaqueOffsetCursors() {
        assertThat(Paging.limit(null)).isEqualTo(100);
        assertThat(Paging.limit("1000")).isEqualTo(1000);
        assertRule(() -> Paging.limit("1001"), "limit", "range");
        assertRule(() -> Paging.limit("0"), "limit", "range");
        assertRule(() -> Paging.limit("ten"), "limit", "type");
        assertThat(Paging.offset(Paging.offsetCursor(200))).isEqualTo(200);
        assertThat(Paging.offset(null)).isZero();
        assertRule(() -> Paging.offset("bm9wZQ"), "cursor", "format");
        assertRule(() -> Paging.offset("%%%"), "cursor", "format");
        assertRule(() -> Paging.offset(Paging.offsetCursor(Integer.MAX_VALUE)), "cursor", "format");
    }

    @Test
    void theSourceIsTheReferrersHostOrDirect() {
        assertThat(TrafficSource.of("https://www.Google.com/search?q=oud")).isEqualTo("google.com");
        assertThat(TrafficSource.of("http://news.ycombinator.com:8080/item")).isEqualTo("news.ycombinator.com");
        assertThat(TrafficSource.of("https://user@instagram.com./p/1")).isEqualTo("instagram.com");
        assertThat(TrafficSource.of("https://exa mple.com/x")).isEqualTo("exa mple.com");
        assertThat(TrafficSource.of(null)).isEqualTo(ApiConvention.DIRECT);
        assertThat(TrafficSource.of("  ")).isEqualTo(ApiConvention.DIRECT);
        assertThat(TrafficSource.of("not a url")).isEqualTo(ApiConvention.DIRECT);
        assertThat(TrafficSource.of("android-app://com.google.android.gm")).isEqualTo("com.google.android.gm");
    }
}
