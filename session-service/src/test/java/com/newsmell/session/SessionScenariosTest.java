package com.newsmell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of issue #4 through the real broker, the real database and the HTTP API: published to the
 * interaction topic, consumed, closed by the close job, read back with every field exact.
 */
@QuarkusTest
@QuarkusTestResource(SessionTestResource.class)
class SessionScenariosTest {

    /** Three hours ago: idle past the 30-minute timeout, so the close job closes these sessions. */
    private static final Instant T0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    static List<Scenarios.Scenario> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theApiShowsEveryFieldOfTheClosedSession(Scenarios.Scenario scenario) {
        Scenarios.Ctx c = new Scenarios.Ctx("s-" + UUID.randomUUID(), T0);
        var first = scenario.firstEvents(c);
        Api.publish(first, scenario.shuffled());
        Api.awaitStoredEvents(c.sid(), first.size());
        assertThat(Api.session(c.sid())).containsEntry("closed", false).doesNotContainKey("endTime");

        Api.closeIdleSessions();
        var late = scenario.late().apply(c);
        if (!late.isEmpty()) {
            assertThat(Api.session(c.sid())).containsEntry("closed", true);
            Api.publish(late, true);
            Api.awaitStoredEvents(c.sid(), first.size() + late.size());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Api.session(c.sid()))
                    .isEqualTo(Scenarios.withoutNulls(scenario.session().apply(c)));
            assertThat(Api.searches(c.sid()))
                    .isEqualTo(scenario.searches().apply(c).stream()
                            .map(Scenarios::withoutNulls)
                            .toList());
        });
    }
}
