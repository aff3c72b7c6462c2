package com.newsmell.collector.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestEvents;
import com.newsmell.collector.TestWriteKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Overload (issue 17): with an in-flight limit of one byte, only one request at a time waits for Kafka; concurrent
 * ones are answered 503 overloaded with Retry-After at once and nothing of them is stored, while every 202 is stored
 * exactly once; the same for the Segment-spec endpoints (200 for theirs).
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
@TestProfile(OverloadTest.Tiny.class)
class OverloadTest {

    /** One request waiting for Kafka at a time, two ingest requests in progress. */
    public static class Tiny implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsmell.collector.max-in-flight-bytes", "1",
                    "newsmell.collector.max-requests-in-progress", "2");
        }
    }

    private record Sent(String sessionId, Response response) {}

    @Test
    void requestsBeyondTheLimitAre503WithRetryAfterAndEvery202IsStoredOnce() {
        assertOnly202sStored(untilOne503(OverloadTest::nativeBatch), 202, BatchIngestTest::storedRows);
    }

    @Test
    void theSegmentEndpointsShedLoadTheSameWay() {
        assertOnly202sStored(untilOne503(OverloadTest::segmentBatch), 200, OverloadTest::storedByAnonymousId);
    }

    @Test
    void aRequestBeyondTheRequestsInProgressIsRefusedBeforeItsBodyIsRead() throws IOException {
        String first = TestEvents.sessionId("gate-held");
        String second = TestEvents.sessionId("gate-held");
        try (HeldRequest a = HeldRequest.open(first);
                HeldRequest b = HeldRequest.open(second)) {
            // Two requests whose bodies are half sent fill the gate: the next is refused at once, nothing stored.
            List<String> refused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String sessionId = TestEvents.sessionId("gate-refused");
                Response r = nativeBatch(sessionId);
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.jsonPath().getString("type")).endsWith("overloaded");
                refused.add(sessionId);
            });
            // The held requests, once their bodies arrive, are answered and stored.
            assertThat(a.finish()).startsWith("HTTP/1.1 202");
            assertThat(b.finish()).startsWith("HTTP/1.1 202");
            await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(first) == 5);
            await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(second) == 5);
            assertThat(refused)
                    .allSatisfy(id -> assertThat(BatchIngestTest.storedRows(id)).isZero());
        }
        // A client that gives up in the middle of its body frees its place too.
        try (HeldRequest held = HeldRequest.open(TestEvents.sessionId("gate-held"));
                HeldRequest abandoned = HeldRequest.open(TestEvents.sessionId("gate-abandoned"))) {
            abandoned.close();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nativeBatch(TestEvents.sessionId("gate-after")).statusCode() == 202);
        }
    }

    /** A batch request whose headers and first half of the body are sent on its own connection, the rest held back. */
    private record HeldRequest(Socket socket, byte[] rest) implements AutoCloseable {

        static HeldRequest open(String sessionId) throws IOException {
            ObjectNode[] events = new ObjectNode[5];
            for (int j = 0; j < events.length; j++) {
                events[j] = TestEvents.pageView(sessionId);
            }
            byte[] body = TestEvents.batch(events).getBytes(StandardCharsets.UTF_8);
            String head = "POST /v1/events/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic "
                    + Base64.getEncoder().encodeToString((TestWriteKey.key() + ":").getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            return new HeldRequest(socket, Arrays.copyOfRange(body, body.length / 2, body.length));
        }

        /** Sends the rest of the body; the answer's status line. */
        String finish() throws IOException {
            socket.getOutputStream().write(rest);
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Bursts of 16 concurrent requests until one is refused with 503. */
    private static List<Sent> untilOne503(java.util.function.Function<String, Response> send) {
        List<Sent> sent = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                sent.addAll(burst(pool, 16, send));
                return sent.stream().anyMatch(s -> s.response().statusCode() == 503);
            });
        } finally {
            pool.shutdownNow();
        }
        return sent;
    }

    private static void assertOnly202sStored(
            List<Sent> sent, int success, java.util.function.ToLongFunction<String> stored) {
        assertThat(sent).allSatisfy(s -> assertThat(s.response().statusCode()).isIn(success, 503));
        assertThat(sent).anySatisfy(s -> assertThat(s.response().statusCode()).isEqualTo(success));
        Sent refused = sent.stream()
                .filter(s -> s.response().statusCode() == 503)
                .findFirst()
                .orElseThrow();
        assertThat(refused.response().header("Retry-After")).isEqualTo("1");
        assertThat(refused.response().contentType()).startsWith("application/problem+json");
        assertThat(refused.response().jsonPath().getString("type")).endsWith("overloaded");

        String marker = TestEvents.sessionId("overload-marker");
        given().contentType(ContentType.JSON)
                .body(TestEvents.pageView(marker).toString())
                .post("/v1/events")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> BatchIngestTest.storedRows(marker) == 1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(sent)
                        .allSatisfy(s -> assertThat(stored.applyAsLong(s.sessionId()))
                                .isEqualTo(s.response().statusCode() == success ? 5 : 0)));
    }

    /** Five Segment pages of one anonymousId, as {@code /v1/batch}. */
    private static Response segmentBatch(String anonymousId) {
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int j = 0; j < 5; j++) {
            batch.append(j == 0 ? "" : ",")
                    .append("{\"type\":\"page\",\"name\":\"Home\",\"anonymousId\":\"")
                    .append(anonymousId)
                    .append("\",\"messageId\":\"")
                    .append(java.util.UUID.randomUUID())
                    .append("\"}");
        }
        return given().contentType(ContentType.JSON)
                .body(batch.append("]}").toString())
                .post("/v1/batch");
    }

    private static long storedByAnonymousId(String anonymousId) {
        return com.newsmell.infra.Sql.count(
                CollectorTestResource.DATABASE,
                "select count(*) from user_interaction_event where anonymous_id = ?",
                anonymousId);
    }

    /** Five native events of one session, as {@code /v1/events/batch}. */
    private static Response nativeBatch(String sessionId) {
        ObjectNode[] events = new ObjectNode[5];
        for (int j = 0; j < events.length; j++) {
            events[j] = TestEvents.pageView(sessionId);
        }
        return given().contentType(ContentType.JSON)
                .body(TestEvents.batch(events))
                .post("/v1/events/batch");
    }

    /** {@code n} batches of five events at once, each of its own session (or anonymousId). */
    private static List<Sent> burst(ExecutorService pool, int n, java.util.function.Function<String, Response> send) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Sent>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sessionId = TestEvents.sessionId("overload");
            futures.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new Sent(sessionId, send.apply(sessionId));
                    },
                    pool));
        }
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
