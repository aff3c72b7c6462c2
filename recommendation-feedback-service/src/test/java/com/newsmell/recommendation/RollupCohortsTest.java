package com.newsmell.recommendation;

import com.newsmell.infra.RollupCohortChecks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** ADR 0048 on the real database: the service's rollups older than a year become monthly cohorts, totals kept. */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class RollupCohortsTest {

    @Test
    void rollupsOlderThanAYearBecomeMonthlyCohortsWithTheSameTotals() {
        RollupCohortChecks.assertFoldedKeepingTotals(
                FeedbackTestResource.DATABASE, RestAssured.port, "day", "recommendation_daily_metrics");
    }
}
