package com.newsmell.perfumestats;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.newsmell.toolkit.api.JsonConvention;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reads through the HTTP API, and waits for expected values. */
final class Api {

    private Api() {}

    static Map<String, Object> stats(String perfumeId) {
        return perfume(perfumeId, "stats");
    }

    /** Waits until the perfume's stats have every expected field value (numbers compared as doubles). */
    static Map<String, Object> awaitStats(String perfumeId, Map<String, Object> expected) {
        return awaitPerfume(perfumeId, "stats", expected);
    }

    /** {@code GET /v1/perfumes/{perfumeId}/{resource}}'s body, or an empty map when it is not a 200. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> perfume(String perfumeId, String resource) {
        var response =
                given().get("/v1/perfumes/" + perfumeId + "/" + resource).then().extract();
        return response.statusCode() == 200 ? response.as(Map.class) : Map.of();
    }

    /** Waits until the perfume's resource has every expected field value (as {@link #mismatches} compares them). */
    private static Map<String, Object> awaitPerfume(String perfumeId, String resource, Map<String, Object> expected) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> perfume(perfumeId, resource),
                        actual -> mismatches(actual, expected).isEmpty());
    }

    /** An instant as the API writes it (ADR 0015: UTC, exactly three fractional digits). */
    static String ms(Instant instant) {
        return JsonConvention.format(instant);
    }

    /**
     * The expected fields that differ (numbers compared as doubles, an expected Instant with the API's format, and a
     * field absent from the answer is null: the API leaves out fields without a value).
     */
    static Map<String, String> mismatches(Map<String, Object> actual, Map<String, Object> expected) {
        Map<String, String> wrong = new LinkedHashMap<>();
        expected.forEach((field, want) -> {
            Object got = actual.get(field);
            boolean same = want instanceof Number w && got instanceof Number g
                    ? Math.abs(w.doubleValue() - g.doubleValue()) < 1e-9
                    : Objects.equals(want instanceof Instant i ? ms(i) : want, got);
            if (!same) {
                wrong.put(field, "expected " + want + ", got " + got);
            }
        });
        return wrong;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> runHourly(Instant now) {
        return given().queryParam("now", now.toString())
                .post("/v1/jobs/hourly/runs")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("succeeded"))
                .extract()
                .as(Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> runWeeklyTrends(Instant now) {
        return given().queryParam("now", now.toString())
                .post("/v1/jobs/weekly-trends/runs")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("succeeded"))
                .extract()
                .as(Map.class);
    }

    static Map<String, Object> features(String perfumeId) {
        return perfume(perfumeId, "features");
    }

    /** Waits until the perfume's features have every expected field value (as {@link #mismatches} compares them). */
    static Map<String, Object> awaitFeatures(String perfumeId, Map<String, Object> expected) {
        return awaitPerfume(perfumeId, "features", expected);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> runReconcile() {
        return given().post("/v1/jobs/reconcile/runs")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("succeeded"))
                .extract()
                .as(Map.class);
    }
}
