package com.newsmell.collector.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The read API and the operational endpoints, against the real raw store. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class EventQueryResourceTest {

    @Test
    void pagesThroughASessionWithACursor() {
        String sessionId = TestEvents.sessionId("paging");
        ObjectNode[] events = new ObjectNode[5];
        Instant base = Instant.now().minusSeconds(60);
        for (int i = 0; i < events.length; i++) {
            events[i] = TestEvents.pageView(sessionId);
            events[i].put("timestamp", base.plusSeconds(i).toString());
            events[i].put("path", "/page/" + i);
        }
        given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events))
                .post("/v1/events/batch")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("sessionId", sessionId)
                        .get("/v1/events")
                        .then()
                        .body("items", hasSize(5)));

        String cursor = given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].path", equalTo("/page/0"))
                .body("items[1].path", equalTo("/page/1"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        String next = given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/v1/events")
                .then()
                .body("items[0].path", equalTo("/page/2"))
                .body("items[1].path", equalTo("/page/3"))
                .extract()
                .path("nextCursor");
        given().queryParam("sessionId", sessionId)
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/v1/events")
                .then()
                .body("items", hasSize(1))
                .body("items[0].path", equalTo("/page/4"))
                .body("nextCursor", nullValue());

        given().queryParam("sessionId", sessionId)
                .queryParam("type", "PAGE_VIEW")
                .queryParam("from", base.plusSeconds(1).toString())
                .queryParam("to", base.plusSeconds(3).toString())
                .get("/v1/events")
                .then()
                .body("items", hasSize(2));
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        given().get("/v1/events")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].parameter", equalTo("userId"))
                .body("errors[0].rule", equalTo("required"));
        given().queryParam("userId", "u")
                .queryParam("limit", 5000)
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].rule", equalTo("range"));
        given().queryParam("userId", "u")
                .queryParam("limit", "ten")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].rule", equalTo("type"));
        given().queryParam("userId", "u")
                .queryParam("type", "NOPE")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("type"))
                .body("errors[0].rule", equalTo("enum"));
        given().queryParam("userId", "u")
                .queryParam("from", "yesterday")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("format"));
        given().queryParam("userId", "u")
                .queryParam("cursor", "garbage")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/v1/events/batch"));
        given().get("/no/such/route").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .delete("/v1/events")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"));
    }
}
