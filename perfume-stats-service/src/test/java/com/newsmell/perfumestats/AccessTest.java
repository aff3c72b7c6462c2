package com.newsmell.perfumestats;

import com.newsmell.infra.AccessMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "every endpoint of every service" (ADR 0063): perfume-stats-service's endpoints, checked against the
 * running service and its OpenAPI document (local-infra AccessMatrix): every read API takes a bearer token of the
 * analyst role, a job run (the recomputes) one of the admin role.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class AccessTest {

    @Test
    void everyEndpointTakesItsRole() {
        String perfumeId = Events.perfume();
        Events.publish(new Events("u-access").view(perfumeId, Instant.now().minusSeconds(60)));
        Api.awaitStats(perfumeId, Map.of("totalViews", 1));

        AccessMatrix.forService()
                .analyst("GET", "/v1/perfumes/{perfumeId}/stats", "/v1/perfumes/" + perfumeId + "/stats")
                .analyst("GET", "/v1/perfumes/{perfumeId}/features", "/v1/perfumes/" + perfumeId + "/features")
                .analyst(
                        "GET",
                        "/v1/perfumes/{perfumeId}/timeseries",
                        "/v1/perfumes/" + perfumeId + "/timeseries?from=2026-01-01&to=2026-01-03")
                .analyst("GET", "/v1/perfumes/top", "/v1/perfumes/top?metric=views")
                .analyst("GET", "/v1/perfumes/trending", "/v1/perfumes/trending")
                .analyst("GET", "/v1/perfumes/audit", "/v1/perfumes/audit?asOf=2026-01-01T00:00:00Z")
                .analyst("GET", "/v1/jobs", "/v1/jobs")
                // A recompute: the weekly trends of a week long before any event (nothing to change).
                .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/weekly-trends/runs?now=2001-01-03T12:00:00Z")
                .check();
    }
}
