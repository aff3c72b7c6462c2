package com.newsmell.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.infra.WireEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test steps shared by the integration tests: publish, wait for the consumer, run the jobs, read the API. */
final class Api {

    private Api() {}

    /** Publishes the events one record at a time (so that they may land in different batches) or all at once. */
    static void publish(List<UserInteractionEvent> events, boolean oneByOne) {
        if (oneByOne) {
            events.forEach(e -> WireEvents.publish(List.of(e)));
        } else {
            WireEvents.publish(events);
        }
    }

    static void awaitStoredEvents(String sessionId, long count) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Sql.count(
                                SessionTestResource.DATABASE,
                                "select count(*) from session_event where session_id = ?",
                                sessionId)
                        == count);
    }

    static void awaitConsumerCaughtUp() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.committedOffsets("session-service", WireEvents.interactionsTopic())
                        == TopicReader.endOffsets(WireEvents.interactionsTopic()));
    }

    static Map<String, Object> closeIdleSessions() {
        return given().post("/v1/jobs/close-idle-sessions/runs")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    static void rollup() {
        given().post("/v1/jobs/rollup/runs").then().statusCode(200).body("status", equalTo("succeeded"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> session(String sessionId) {
        return given().get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    static List<Object> searches(String sessionId) {
        return given().queryParam("sessionId", sessionId)
                .get("/v1/search/queries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }
}
