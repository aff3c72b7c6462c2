package com.newsmell.collector.catalog;

import static com.newsmell.collector.TestPerfumes.perfume;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue #11, the catalog API: PUT, batch and DELETE against the real broker; bad bodies get 400 per field. */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class CatalogResourceTest {

    static String newId() {
        return "p-" + UUID.randomUUID();
    }

    @Test
    void putPublishesTheEntryKeyedByPerfumeIdOnACompactedTopic() {
        String id = newId();

        put(id, perfume(id))
                .statusCode(200)
                .body("perfumeId", equalTo(id))
                .body("price.amount", equalTo(92.5f))
                .body("price.currency", equalTo("EUR"));

        List<TopicReader.Read> records = records(id);
        assertThat(records).hasSize(1);
        PerfumeCatalogEntry stored = PerfumeCatalogEntry.fromJson(records.get(0).value());
        assertThat(stored.perfumeId()).isEqualTo(id);
        assertThat(stored.notes()).hasSize(2);
        assertThat(stored.originalPrice()).isNull();
        assertThat(TopicReader.topicConfig(CollectorTestResource.catalogTopic(), "cleanup.policy"))
                .isEqualTo("compact");
    }

    @Test
    void anotherCurrencyIsConvertedWithItsRateAndKeptAsTheOriginalPrice() {
        String id = newId();
        ObjectNode body = perfume(id);
        body.putObject("price").put("amount", 10.005).put("currency", "USD");

        put(id, body)
                .statusCode(200)
                .body("price.amount", equalTo(9.2f))
                .body("price.currency", equalTo("EUR"))
                .body("originalPrice.currency", equalTo("USD"));

        PerfumeCatalogEntry stored =
                PerfumeCatalogEntry.fromJson(records(id).get(0).value());
        assertThat(stored.price()).isEqualTo(new PerfumeCatalogEntry.Price(new BigDecimal("9.20"), "EUR"));
        assertThat(stored.originalPrice()).isEqualTo(new PerfumeCatalogEntry.Price(new BigDecimal("10.005"), "USD"));
    }

    @Test
    void aCurrencyWithoutARateIsRefusedNamingPriceCurrency() {
        String id = newId();
        ObjectNode body = perfume(id);
        body.putObject("price").put("amount", 12000).put("currency", "JPY");

        problem(put(id, body))
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo("/price/currency"))
                .body("errors[0].rule", equalTo("rate"));
    }

    @Test
    void badBodiesGet400PerField() {
        String id = newId();
        ObjectNode body = perfume(id);
        ((ObjectNode) body.get("notes").get(1)).put("layer", "middle");
        ((ObjectNode) body.get("price")).put("amount", -1);
        body.put("stock", 3);
        ((ObjectNode) body.get("notes").get(0)).put("colour", "yellow");

        problem(put(id, body))
                .body(
                        "errors.pointer",
                        containsInAnyOrder("/notes/1/layer", "/price/amount", "/stock", "/notes/0/colour"))
                .body("errors.rule", containsInAnyOrder("enum", "range", "unknown", "unknown"));
        problem(put(id, perfume("someone-else")))
                .body("errors[0].pointer", equalTo("/perfumeId"))
                .body("errors[0].rule", equalTo("mismatch"));
        problem(given().contentType(ContentType.JSON)
                        .body("{")
                        .put("/v1/catalog/perfumes/" + id)
                        .then())
                .body("errors[0].rule", equalTo("syntax"));
        assertThat(records(id)).isEmpty();
    }

    @Test
    void aBatchIsAnsweredPerPerfume() {
        String good1 = newId();
        String bad = newId();
        String good2 = newId();
        ObjectNode badBody = perfume(bad);
        ((ObjectNode) badBody.get("notes").get(0)).put("layer", "middle");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("perfumes").add(perfume(good1)).add(badBody).add(perfume(good2));

        batch(body.toString())
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("results[0].status", equalTo("accepted"))
                .body("results[0].perfumeId", equalTo(good1))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].errors[0].pointer", equalTo("/perfumes/1/notes/0/layer"))
                .body("results[1].errors[0].rule", equalTo("enum"))
                .body("results[2].perfumeId", equalTo(good2));

        assertThat(records(good1)).hasSize(1);
        assertThat(records(good2)).hasSize(1);
        assertThat(records(bad)).isEmpty();
    }

    @Test
    void aBatchOf1001PerfumesOrOfInvalidOnesIsRefused() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode perfumes = body.putArray("perfumes");
        for (int i = 0; i < 1001; i++) {
            perfumes.add(perfume("p-" + i));
        }
        problem(batch(body.toString()))
                .body("errors[0].pointer", equalTo("/perfumes"))
                .body("errors[0].rule", equalTo("max-items"));

        ObjectNode negative = perfume(newId());
        ((ObjectNode) negative.get("price")).put("amount", -5);
        ObjectNode invalid = JsonNodeFactory.instance.objectNode();
        invalid.putArray("perfumes").add(negative);
        invalid.put("events", 1);
        problem(batch(invalid.toString()))
                .body("errors[0].pointer", equalTo("/events"))
                .body("errors[0].rule", equalTo("unknown"));
        invalid.remove("events");
        problem(batch(invalid.toString()))
                .body("errors[0].pointer", equalTo("/perfumes/0/price/amount"))
                .body("errors[0].rule", equalTo("range"));
    }

    @Test
    void deleteWritesATombstone() {
        String id = newId();
        put(id, perfume(id)).statusCode(200);

        given().delete("/v1/catalog/perfumes/" + id).then().statusCode(204);

        List<TopicReader.Read> records = records(id);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).value()).isNull();
        problem(given().delete("/v1/catalog/perfumes/" + "x".repeat(129)).then())
                .body("errors[0].parameter", equalTo("perfumeId"))
                .body("errors[0].rule", equalTo("max-length"));
    }

    private static ValidatableResponse put(String id, ObjectNode body) {
        return given().contentType(ContentType.JSON)
                .body(body.toString())
                .put("/v1/catalog/perfumes/" + id)
                .then();
    }

    private static ValidatableResponse batch(String body) {
        // As curl and the simulator send it: the ':' unencoded (rest-assured would send %3A).
        return given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v1/catalog/perfumes:batch")
                .then();
    }

    private static ValidatableResponse problem(ValidatableResponse response) {
        return response.statusCode(400).contentType(startsWith("application/problem+json"));
    }

    /** The records of one perfume on the catalog topic, in order (answered only after the ack: no waiting needed). */
    private static List<TopicReader.Read> records(String perfumeId) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> TopicReader.readAll(CollectorTestResource.catalogTopic()).stream()
                                .filter(r -> perfumeId.equals(r.key()))
                                .sorted(java.util.Comparator.comparingLong(TopicReader.Read::offset))
                                .toList(),
                        l -> true);
    }
}
