package com.newsmell.perfumestats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.infra.RollupCohortChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * ADR 0048 on the real database: every rollup table of the service keeps its rows a year, then the
 * {@code rollup-cohorts} job folds each older month into one row per key with the same sums.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class RollupCohortsTest {

    @Test
    void rollupsOlderThanAYearBecomeMonthlyCohortsWithTheSameTotals() {
        for (String table : new String[] {"perfume_daily_bucket"}) {
            RollupCohortChecks.assertFoldedKeepingTotals(
                    PerfumeStatsTestResource.DATABASE, table, "bucket", RollupCohortsTest::runJob);
        }
    }

    private static void runJob() {
        given().queryParam("now", RollupCohortChecks.NOW)
                .post("/v1/jobs/rollup-cohorts/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }
}
