package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A superseded model past its sunset is refused, naming schemaVersion and the rule; the current model is not. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
@TestProfile(SupersededModelTest.Expired.class)
class SupersededModelTest {

    /** Model 1's acceptance window over. */
    public static class Expired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsmell.collector.schemas.superseded.1.deprecated", "2026-01-01T00:00:00Z",
                    "newsmell.collector.schemas.superseded.1.sunset", "2026-04-01T00:00:00Z");
        }
    }

    @Test
    void anEventOfAnExpiredModelIsRefusedAndTheCurrentModelIsNot() {
        ObjectNode old = TestEvents.pageView(TestEvents.sessionId("expired-model"));
        old.put("schemaVersion", "1-0-0");
        given().contentType(ContentType.JSON)
                .body(old.toString())
                .post("/v1/events")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].pointer", equalTo("/schemaVersion"))
                .body("errors[0].rule", equalTo("range"));

        ObjectNode current = TestEvents.pageView(TestEvents.sessionId("current-model"));
        current.put("schemaVersion", "2-1-0");
        given().contentType(ContentType.JSON)
                .body(current.toString())
                .post("/v1/events")
                .then()
                .statusCode(202)
                .header("Sunset", nullValue())
                .header("Deprecation", nullValue());
    }
}
