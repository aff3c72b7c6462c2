package com.newsmell.perfumestats;

import com.newsmell.infra.RollupCohortChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** ADR 0048 on the real database: the service's rollups older than a year become monthly cohorts, totals kept. */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class RollupCohortsTest {

    @Test
    void rollupsOlderThanAYearBecomeMonthlyCohortsWithTheSameTotals() {
        RollupCohortChecks.assertFoldedKeepingTotals(
                PerfumeStatsTestResource.DATABASE, RestAssured.port, "bucket", "perfume_daily_bucket");
    }
}
