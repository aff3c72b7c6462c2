package com.newsmell.session;

import com.newsmell.infra.RollupCohortChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** ADR 0048 on the real database: the service's rollups older than a year become monthly cohorts, totals kept. */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class RollupCohortsTest {

    @Test
    void rollupsOlderThanAYearBecomeMonthlyCohortsWithTheSameTotals() {
        RollupCohortChecks.assertFoldedKeepingTotals(
                SessionTestResource.DATABASE,
                RestAssured.port,
                "bucket",
                "session_metrics_hourly",
                "search_query_hourly",
                "search_click_position_hourly",
                "search_click_time_hourly");
    }
}
