package com.newsmell.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.infra.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0030: the stored events of a session closed 14 days ago are pruned (the session stays); a recent session keeps
 * them; processed_event claims older than 14 days go, younger ones stay.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class RetentionTest {

    private static final String DB = SessionTestResource.DATABASE;

    @Test
    void closedSessionsLoseTheirStoredEventsAfterTheRetention() {
        Scenarios.Ctx old =
                new Scenarios.Ctx("s-old-" + UUID.randomUUID(), Instant.now().minus(20, ChronoUnit.DAYS));
        Scenarios.Ctx recent =
                new Scenarios.Ctx("s-recent-" + UUID.randomUUID(), Instant.now().minus(2, ChronoUnit.DAYS));
        Api.publish(
                List.of(
                        old.ev(InteractionEventType.PAGE_VIEW, 0).build(),
                        old.ev(InteractionEventType.PAGE_VIEW, 10).build(),
                        recent.ev(InteractionEventType.PAGE_VIEW, 0).build()),
                false);
        Api.awaitStoredEvents(old.sid(), 2);
        Api.awaitStoredEvents(recent.sid(), 1);
        Api.closeIdleSessions();

        given().post("/v1/jobs/session-event-pruning/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));

        assertThat(Sql.count(DB, "select count(*) from session_event where session_id = ?", old.sid()))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from user_session where session_id = ? and closed", old.sid()))
                .isOne();
        assertThat(Sql.count(DB, "select count(*) from session_event where session_id = ?", recent.sid()))
                .isOne();
    }

    @Test
    void claimsOlderThanTheRetentionArePruned() {
        UUID stale = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Sql.query(
                DB,
                "insert into processed_event (event_id, processed_at) values (?, now() - interval '15 days'),"
                        + " (?, now() - interval '13 days')",
                stale,
                kept);

        given().post("/v1/jobs/processed-event-pruning/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));

        assertThat(Sql.count(DB, "select count(*) from processed_event where event_id = ?", stale))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from processed_event where event_id = ?", kept))
                .isOne();
    }
}
