package com.newsmell.collector.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.contract.EventCodec;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code perfume-view-audit} job through {@code POST /v1/jobs/perfume-view-audit/runs?now=}, against the real
 * raw store and the run's perfume-view-audit topic. Each test counts in a window of its own, far from the other
 * tests' events.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class PerfumeViewAuditTest {

    private static final Duration DAY = Duration.ofDays(1);

    // Issue #21: "viewsLast7Days/viewsLast30Days are exactly the raw store's count over the stated window ending at
    // asOf"; the audit counts non-bot PERFUME_VIEWs in [asOf - 7 d, asOf) and [asOf - 30 d, asOf), asOf = the hour.
    @Test
    void publishesTheRawStoresCountsOverTheWindowsEndingAtAsOf() {
        Instant clock = Instant.parse("2025-06-15T10:20:00Z");
        Instant asOf = Instant.parse("2025-06-15T10:00:00Z");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String busy = "audit-busy-" + id;
        String quiet = "audit-quiet-" + id;
        view(busy, asOf.minusMillis(1), false); // both windows
        view(busy, asOf.minus(DAY.multipliedBy(7)), false); // both: the start is inside
        view(busy, asOf.minus(DAY.multipliedBy(7)).minusMillis(1), false); // 30 days only
        view(busy, asOf.minus(DAY.multipliedBy(30)), false); // 30 days only: the start is inside
        view(busy, asOf.minus(DAY.multipliedBy(30)).minusMillis(1), false); // neither
        view(busy, asOf, false); // neither: asOf is outside
        view(busy, asOf.plusSeconds(600), false); // neither: after asOf, before the run's clock
        view(busy, asOf.minusSeconds(60), true); // neither: a bot
        insert(busy, "PAGE_VIEW", asOf.minusSeconds(60), false); // neither: not a PERFUME_VIEW
        view(quiet, asOf.minus(DAY.multipliedBy(40)), false); // out of both windows, in the random pool
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        given().queryParam("now", clock.toString())
                .post("/v1/jobs/perfume-view-audit/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"))
                // The job API answers instants as every answer does (ADR 0015: three fractional digits).
                .body("asOf", equalTo(JsonConvention.format(asOf)))
                .body("rowsProcessed", equalTo(2))
                .body("detail.mostViewed", equalTo(1))
                .body("detail.random", equalTo(1));

        Map<String, TopicReader.Read> records = records(id);
        assertThat(records.keySet()).containsExactlyInAnyOrder(busy, quiet);
        assertThat(records.get(busy).value())
                .startsWith("{\"perfumeId\":\"" + busy + "\",\"asOf\":\"2025-06-15T10:00:00Z\",\"views7d\":2,"
                        + "\"views30d\":4,\"auditedAt\":\"");
        assertThat(records.get(quiet).value())
                .startsWith("{\"perfumeId\":\"" + quiet + "\",\"asOf\":\"2025-06-15T10:00:00Z\",\"views7d\":0,"
                        + "\"views30d\":0,\"auditedAt\":\"");
        Instant auditedAt =
                Instant.parse(json(records.get(busy)).get("auditedAt").asText());
        assertThat(auditedAt).isBetween(before, Instant.now());
    }

    // Issue #21: "a daily check (on the job runner) compares a sample of perfumes with the raw store"; the sample is
    // the 50 most viewed perfumes of the 30 days before asOf, plus 50 others at random (CollectorConfig defaults).
    @Test
    void theSampleIsTheFiftyMostViewedAndFiftyOthersAtRandom() {
        Instant asOf = Instant.parse("2025-03-15T03:00:00Z");
        String id = UUID.randomUUID().toString().substring(0, 8);
        // Perfumes "-v1" .. "-v53" have 1 .. 53 views in the last day; "-q1" .. "-q60" one view 45 days before.
        Sql.query(
                CollectorTestResource.DATABASE,
                "insert into user_interaction_event (event_id, session_id, event_type, event_category, timestamp,"
                        + " client_timestamp, received_at, perfume_id, path)"
                        + " select gen_random_uuid(), 'audit-sample', 'PERFUME_VIEW', 'VIEW', t, t, t, p, '/perfumes'"
                        + " from (select 'audit-' || ? || '-v' || k as p, ? - make_interval(mins => n) as t"
                        + "       from generate_series(1, 53) k, generate_series(1, k) n"
                        + "       union all select 'audit-' || ? || '-q' || k, ? - interval '45 days'"
                        + "       from generate_series(1, 60) k) sample",
                id,
                asOf.atOffset(ZoneOffset.UTC),
                id,
                asOf.atOffset(ZoneOffset.UTC));

        given().queryParam("now", asOf.plusSeconds(1800).toString())
                .post("/v1/jobs/perfume-view-audit/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("rowsProcessed", equalTo(100))
                .body("detail.mostViewed", equalTo(50))
                .body("detail.random", equalTo(50));

        Map<String, TopicReader.Read> records = records(id);
        assertThat(records).hasSize(100);
        for (int k = 4; k <= 53; k++) {
            String perfume = "audit-" + id + "-v" + k;
            assertThat(records).as("one of the 50 most viewed").containsKey(perfume);
            assertThat(json(records.get(perfume)).get("views30d").asLong()).isEqualTo(k);
            assertThat(json(records.get(perfume)).get("views7d").asLong()).isEqualTo(k);
        }
        assertThat(records.values())
                .allSatisfy(r -> assertThat(json(r).get("asOf").asText()).isEqualTo(asOf.toString()));
    }

    /** The run's perfume-view-audit records whose key carries the test's id, by key. */
    private static Map<String, TopicReader.Read> records(String id) {
        return TopicReader.readAll(Infra.shared().topic(ServiceConfig.PERFUME_VIEW_AUDIT)).stream()
                .filter(r -> r.key() != null && r.key().contains(id))
                .collect(Collectors.toMap(TopicReader.Read::key, Function.identity()));
    }

    private static JsonNode json(TopicReader.Read record) {
        try {
            return EventCodec.mapper().readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(record.value(), e);
        }
    }

    private static void view(String perfumeId, Instant timestamp, boolean bot) {
        insert(perfumeId, "PERFUME_VIEW", timestamp, bot);
    }

    /** A raw-store row as the raw-store consumer writes it, straight into the table. */
    private static void insert(String perfumeId, String eventType, Instant timestamp, boolean bot) {
        Sql.query(
                CollectorTestResource.DATABASE,
                "insert into user_interaction_event (event_id, session_id, event_type, event_category, timestamp,"
                        + " client_timestamp, received_at, perfume_id, path, is_bot)"
                        + " values (?, 'audit', ?, 'VIEW', ?, ?, ?, ?, '/perfumes', ?)",
                UUID.randomUUID(),
                eventType,
                timestamp.atOffset(ZoneOffset.UTC),
                timestamp.atOffset(ZoneOffset.UTC),
                timestamp.atOffset(ZoneOffset.UTC),
                perfumeId,
                bot);
    }
}
