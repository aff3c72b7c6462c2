package com.newsmell.collector.schema;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.schema.EventSchemas;
import com.newsmell.contract.schema.SchemaVer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue #20: GET /v1/schemas, /v1/schemas/{eventType} and /v1/schemas/{eventType}/{version}. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class SchemaResourceTest {

    @Test
    void theIndexListsTheEnvelopeAndEveryEventTypeWithItsVersions() {
        given().get("/v1/schemas")
                .then()
                .statusCode(200)
                .body("schemas", hasSize(InteractionEventType.values().length + 1))
                .body("schemas[0].name", equalTo("envelope"))
                .body("schemas.name", hasItems("PAGE_VIEW", "USER_REGISTERED", "RECOMMENDATION_SHOWN"))
                .body("schemas.find { it.name == 'PAGE_VIEW' }.current", equalTo("2-2-0"))
                .body(
                        "schemas.find { it.name == 'PAGE_VIEW' }.versions.version",
                        equalTo(java.util.List.of("1-0-0", "2-0-0", "2-1-0", "2-2-0")))
                .body(
                        "schemas.find { it.name == 'PAGE_VIEW' }.versions[0].href",
                        equalTo("/v1/schemas/PAGE_VIEW/1-0-0"));
    }

    @Test
    void currentAndEarlierVersionsAreServedWithTheirIds() {
        given().get("/v1/schemas/PERFUME_VIEW")
                .then()
                .statusCode(200)
                .body("$id", equalTo(EventSchemas.id("PERFUME_VIEW", new SchemaVer(2, 2, 0))))
                .body("properties.eventType.const", equalTo("PERFUME_VIEW"))
                .body("examples", hasSize(1));
        given().get("/v1/schemas/PERFUME_VIEW/1-0-0")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .body("$id", equalTo(EventSchemas.id("PERFUME_VIEW", new SchemaVer(1, 0, 0))));
        given().get("/v1/schemas/envelope/2-0-0")
                .then()
                .statusCode(200)
                .body("required", hasItems("sessionId", "path"));
    }

    @Test
    void unknownTypesAndVersionsAre404AndABadVersion400() {
        given().get("/v1/schemas/PAGE_EXPLODED")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("schema-not-found"));
        given().get("/v1/schemas/PAGE_VIEW/9-0-0").then().statusCode(404).body("detail", containsString("1-0-0"));
        given().get("/v1/schemas/PAGE_VIEW/2.0.0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("version"))
                .body("errors[0].rule", equalTo("format"));
    }

    @Test
    void everyCurrentExampleIsAcceptedByTheCollector() {
        // The collector's own window around receivedAt (accepted lateness) is no part of the schema: now, not the
        // example's time.
        for (InteractionEventType type : InteractionEventType.values()) {
            JsonNode example = EventSchemas.published()
                    .schema(type.name(), new SchemaVer(2, 0, 0))
                    .orElseThrow()
                    .path("examples")
                    .get(0)
                    .deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) example)
                    .put("eventId", UUID.randomUUID().toString())
                    .put("timestamp", java.time.Instant.now().toString())
                    .put("sessionId", "schema-example-" + UUID.randomUUID());
            given().contentType(ContentType.JSON)
                    .body(example.toString())
                    .post("/v1/events")
                    .then()
                    .statusCode(202)
                    .body("accepted", equalTo(1));
        }
    }

    @Test
    void aBatchMayComeAsTextPlainAsSendBeaconSendsIt() {
        String event = "{\"sessionId\":\"beacon-" + UUID.randomUUID()
                + "\",\"eventType\":\"BACK_BUTTON\",\"timestamp\":\"" + java.time.Instant.now() + "\",\"path\":\"/p\"}";
        given().contentType("text/plain;charset=UTF-8")
                .body("{\"events\":[" + event + "]}")
                .post("/v1/events/batch")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
    }
}
