package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.collector.TestWriteKey;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The raw store's replica (ADR 0074, the event-collector-raw-store Deployment: {@code newsmell.collector.ingest=false})
 * against the real broker and database: it refuses ingest, native and Segment-spec, with 503 not-ingesting and
 * Retry-After, storing nothing, while its consumer writes what the interaction topic carries into the raw store.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
@TestProfile(RawStoreReplicaTest.RawStore.class)
class RawStoreReplicaTest {

    /** The raw store's Deployment. */
    public static class RawStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsmell.collector.ingest", "false");
        }
    }

    private static RequestSpecification withKey() {
        return given().contentType(ContentType.JSON).auth().preemptive().basic(TestWriteKey.key(), "");
    }

    @Test
    void ingestIsRefusedWithNothingStoredAndTheTopicIsStillWrittenToTheRawStore() {
        String refused = TestEvents.sessionId("raw-store-replica-refused");
        for (Response r : List.of(
                withKey().body(TestEvents.batch(TestEvents.pageView(refused))).post("/v1/events/batch"),
                withKey().body(TestEvents.pageView(refused).toString()).post("/v1/events"),
                withKey()
                        .body("{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"" + refused + "\"}")
                        .post("/v1/page"))) {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("type")).endsWith("not-ingesting");
            assertThat(r.header("Retry-After")).isNotBlank();
        }

        String written = "raw-store-replica-" + UUID.randomUUID();
        UserInteractionEvent event = TestEvents.published(written);
        TopicReader.write(
                CollectorTestResource.interactionsTopic(), List.of(Map.entry(written, EventCodec.toJson(event))));
        await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(written) == 1);
        assertThat(BatchIngestTest.storedRows(refused)).isZero();
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()))
                .noneSatisfy(r -> assertThat(r.value()).contains(refused));
    }
}
