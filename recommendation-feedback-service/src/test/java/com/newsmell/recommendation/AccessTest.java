package com.newsmell.recommendation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.infra.AccessMatrix;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call each endpoint of recommendation-feedback-service (issue 16, ADR 0063): reads take the analyst role; a
 * new training-data export (it writes a version and drops the oldest kept one) and a job run the admin role; each
 * answers 401 without a token, 403 with the wrong role and 2xx with the right one, and the table covers the service's
 * OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class AccessTest {

    /** A week (Sunday 2026-03-15) no other test plays in. */
    private static final String WEEK = "2026-03-15";

    private static final String WINDOW = "from=2026-03-16&to=2026-03-18";

    @Test
    void everyEndpointTakesItsRole() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rec = "rec-access-" + run;
        String algorithm = "access-" + run;
        WireEvents.publish(List.of(RecommendationEvents.shown(
                        "s-access-" + run, rec, "p-access-" + run, Instant.parse("2026-03-17T09:00:00Z"), 0)
                .userId("u-access-" + run)
                .eventData(RecommendationEvents.data(algorithm, "homepage", 0, null, null))
                .build()));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        given().get("/v1/recommendations/" + rec + "/feedback").statusCode() == 200);
        given().queryParam("now", "2026-03-22T02:00:00Z")
                .post("/v1/jobs/weekly-report/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
        String version = given().get("/v1/recommendations/training-data?" + WINDOW)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Export-Version");

        AccessMatrix.forService()
                .analyst(
                        "GET",
                        "/v1/recommendations/{recommendationId}/feedback",
                        "/v1/recommendations/" + rec + "/feedback")
                .analyst("GET", "/v1/recommendations/feedback", "/v1/recommendations/feedback?" + WINDOW)
                .analyst("GET", "/v1/recommendations/metrics", "/v1/recommendations/metrics?" + WINDOW)
                .analyst("GET", "/v1/recommendations/metrics/daily", "/v1/recommendations/metrics/daily?" + WINDOW)
                .analyst("GET", "/v1/recommendations/reports/weekly", "/v1/recommendations/reports/weekly?week=" + WEEK)
                .analyst("GET", "/v1/recommendations/position-bias", "/v1/recommendations/position-bias?" + WINDOW)
                .analyst(
                        "GET",
                        "/v1/recommendations/compare",
                        "/v1/recommendations/compare?a=" + algorithm + "&b=other-" + run + "&" + WINDOW)
                // the one new export the check makes leaves the setup's kept (the last 3 are)
                .admin("GET", "/v1/recommendations/training-data", "/v1/recommendations/training-data?" + WINDOW)
                .analyst(
                        "GET", "/v1/recommendations/training-data/exports", "/v1/recommendations/training-data/exports")
                .analyst(
                        "GET",
                        "/v1/recommendations/training-data/exports/{version}",
                        "/v1/recommendations/training-data/exports/" + version)
                .analyst("GET", "/v1/jobs", "/v1/jobs")
                // a clock long before any test data: the run computes an empty day
                .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/daily-metrics/runs?now=2001-01-02T04:00:00Z")
                .check();
    }
}
