package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The job runner itself, every second, closes idle sessions and rolls up, without anybody calling the admin
 * endpoints; shows a failed run and retries it; prunes old runs (ADR 0011). The profile restarts Quarkus; local-infra lets the restarted application use the run's broker and
 * server under a run id of its own (ADR 0006).
 */
@QuarkusTest
@TestProfile(ScheduledJobsTest.EverySecond.class)
@QuarkusTestResource(SessionTestResource.class)
class ScheduledJobsTest {

    /** Both jobs every second, from the first second on. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsmell.jobs.enabled", "true",
                    "newsmell.jobs.tick", "PT1S",
                    "newsmell.session.close-idle-sessions-cron", "* * * * * ?",
                    "newsmell.session.rollup-cron", "* * * * * ?");
        }
    }

    @Test
    void theSchedulerClosesIdleSessionsAndRollsUp() {
        String sessionId = "s-" + UUID.randomUUID();
        Instant old = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String query = "scheduled " + sessionId;
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, old)
                        .userId("u-" + sessionId)
                        .path("/only")
                        .build(),
                Scenarios.searchEvent(
                        new Scenarios.Ctx(sessionId + "-search", old),
                        0,
                        "{\"searchId\":\"q1\",\"query\":\"" + query + "\",\"resultsCount\":1}")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Api.session(sessionId))
                        .containsEntry("closed", true)
                        .containsEntry("bounced", true)
                        .containsEntry("exitPage", "/only"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                SessionTestResource.DATABASE,
                                "select count(*) from search_query_hourly where bucket = ?::timestamptz "
                                        + "and query_norm = ? and searches = 1",
                                old.truncatedTo(ChronoUnit.HOURS).toString(),
                                query)
                        == 1);
    }

    @Test
    void aFailedRunIsVisibleAndRetriedOnTheNextTick() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/v1/jobs")
                        .then()
                        .statusCode(200)
                        .body(
                                "jobs.find { it.name == '" + FailingUntilToldJob.NAME + "' }.recentRuns.find {"
                                        + " it.status == 'failed' }.error",
                                org.hamcrest.Matchers.containsString("told to fail")));
        FailingUntilToldJob.FAILING.set(false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                SessionTestResource.DATABASE,
                                "select count(*) from job_run where job = ? and status = 'succeeded' and attempt > 1",
                                FailingUntilToldJob.NAME)
                        > 0);
    }

    @Test
    void oldRunsArePruned() {
        String job = "pruned-" + UUID.randomUUID();
        Sql.query(
                SessionTestResource.DATABASE,
                "insert into job_run (job, period, trigger, clock, status, started_at, heartbeat_at, finished_at)"
                        + " values (?, now() - interval '40 days', 'manual', now(), 'succeeded',"
                        + " now() - interval '40 days', now(), now())",
                job);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(SessionTestResource.DATABASE, "select count(*) from job_run where job = ?", job)
                        == 0);
    }
}
