package com.newsmell.session;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.session.metrics.HourlyRollupJob;
import com.newsmell.session.session.IdleSessionCloser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the scheduler runs (the blocking scheduled methods, on a non-event-loop thread, as the scheduler does) closes
 * idle sessions and rolls up, without the admin endpoints. (A {@code @TestProfile} with a 1 s schedule would
 * restart Quarkus, and local-infra cannot start a second Infra in the same JVM.)
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class ScheduledJobsTest {

    @Inject
    IdleSessionCloser closer;

    @Inject
    HourlyRollupJob rollup;

    @Test
    void theScheduledJobsCloseIdleSessionsAndRollUp() throws Throwable {
        String sessionId = "s-" + UUID.randomUUID();
        Instant old = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        WireEvents.publish(List.of(WireEvents.event(PAGE_VIEW, sessionId, old)
                .userId("u-" + sessionId)
                .path("/only")
                .build()));

        Api.awaitStoredEvents(sessionId, 1);
        closer.scheduled();
        rollup.scheduled();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Api.session(sessionId))
                        .containsEntry("closed", true)
                        .containsEntry("bounced", true)
                        .containsEntry("exitPage", "/only"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Sql.count(
                                SessionTestResource.DATABASE,
                                "select count(*) from active_users_hourly where bucket = ?::timestamptz "
                                        + "and device_type = '*' and not include_bots and users >= 1",
                                old.truncatedTo(ChronoUnit.HOURS).toString())
                        == 1);
    }
}
