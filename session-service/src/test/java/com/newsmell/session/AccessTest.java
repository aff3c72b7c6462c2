package com.newsmell.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.AccessMatrix;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call each endpoint of session-service (issue 16, ADR 0063): every read takes the analyst role, a job run the
 * admin role; each answers 401 without a token, 403 with the wrong role and 2xx with the right one, and the table covers
 * the service's OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class AccessTest {

    /** A window on whole UTC hours and days, with no data: the metrics answer 200 with zeros. */
    private static final String WINDOW = "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";

    @Test
    void everyEndpointTakesItsRole() {
        String sessionId = "s-access-" + UUID.randomUUID();
        WireEvents.publish(List.of(WireEvents.event(
                        InteractionEventType.PAGE_VIEW, sessionId, Instant.now().minus(1, ChronoUnit.MINUTES))
                .build()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/v1/sessions/" + sessionId).statusCode() == 200);

        AccessMatrix.forService()
                .analyst("GET", "/v1/sessions/{sessionId}", "/v1/sessions/" + sessionId)
                .analyst("GET", "/v1/sessions", "/v1/sessions?userId=u-access")
                .analyst("GET", "/v1/sessions/metrics", "/v1/sessions/metrics?" + WINDOW)
                .analyst("GET", "/v1/search/queries", "/v1/search/queries?sessionId=" + sessionId)
                .analyst("GET", "/v1/search/metrics", "/v1/search/metrics?" + WINDOW)
                .analyst("GET", "/v1/search/metrics/top-queries", "/v1/search/metrics/top-queries?" + WINDOW)
                .analyst("GET", "/v1/jobs", "/v1/jobs")
                // a clock long before any test data: the run closes nothing
                .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/close-idle-sessions/runs?now=2001-01-01T00:00:00Z")
                .check();
    }
}
