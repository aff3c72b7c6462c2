package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.e2e.OtlpReceiver.Link;
import com.newsmell.e2e.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: one event posted to the collector can be followed, over OTLP from the five separate JVMs, from the
 * collector's HTTP span and its Kafka send span to the batch span of every consumer of the interaction topic, which
 * links to that send span; the batch's database work is in spans under the batch span.
 */
class TraceFollowingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void oneEventIsFollowedFromTheCollectorIntoEveryConsumersBatchSpan() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String clientSpan = HexFormat.of().formatHex(randomBytes(8));
        String sessionId = "traced-" + UUID.randomUUID();
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                // a browser's: an HTTP client's agent marks the event a bot's, which recommendation-feedback-service
                // skips without touching its database (no database span to follow unless another event shares the
                // batch)
                .header(
                        "User-Agent",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/131.0.0.0 Safari/537.36")
                .contentType(ContentType.JSON)
                .body(pageView(sessionId))
                .post("/v1/events")
                .then()
                .statusCode(202);

        // the collector exports its send span and its HTTP span in batches: wait for both
        List<ReceivedSpan> collectorSpans = await().atMost(WAIT)
                .until(
                        () -> inTrace(traceId).stream()
                                .filter(s -> s.service().equals(RunningSystem.COLLECTOR))
                                .toList(),
                        spans -> spans.stream().anyMatch(s -> s.kind().equals("SPAN_KIND_PRODUCER"))
                                && spans.stream().anyMatch(s -> s.kind().equals("SPAN_KIND_SERVER")));
        ReceivedSpan send = collectorSpans.stream()
                .filter(s -> s.kind().equals("SPAN_KIND_PRODUCER"))
                .findFirst()
                .orElseThrow();
        ReceivedSpan http = collectorSpans.stream()
                .filter(s -> s.kind().equals("SPAN_KIND_SERVER"))
                .findFirst()
                .orElseThrow();
        assertThat(http.parentSpanId())
                .as("the HTTP span continues the client's trace")
                .isEqualTo(clientSpan);
        assertThat(descendsFrom(send, http, collectorSpans))
                .as("the send span %s is under the HTTP span %s", send, http)
                .isTrue();

        Link sent = new Link(traceId, send.spanId());
        for (String service : RunningSystem.ALL) {
            ReceivedSpan batch = await().atMost(WAIT)
                    .alias(service + "'s batch span linked to the send span")
                    .until(
                            () -> system.traces().spans().stream()
                                    .filter(s -> s.service().equals(service)
                                            && s.kind().equals("SPAN_KIND_CONSUMER")
                                            && s.links().contains(sent))
                                    .findFirst()
                                    .orElse(null),
                            s -> s != null);
            assertThat(batch.name()).endsWith(" process");
            assertThat(batch.attributes()).containsEntry("messaging.system", "kafka");
            await().atMost(WAIT)
                    .alias(service + "'s database spans in its batch's trace")
                    .until(() -> system.traces().spans().stream()
                            .anyMatch(s -> s.service().equals(service)
                                    && s.traceId().equals(batch.traceId())
                                    && s.kind().equals("SPAN_KIND_CLIENT")
                                    && s.attributes().containsKey("db.system")));
        }
    }

    private static List<ReceivedSpan> inTrace(String traceId) {
        return system.traces().spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .toList();
    }

    private static boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> spans) {
        String parent = span.parentSpanId();
        for (int depth = 0; depth < 20 && !parent.isEmpty(); depth++) {
            if (parent.equals(ancestor.spanId())) {
                return true;
            }
            String current = parent;
            parent = spans.stream()
                    .filter(s -> s.spanId().equals(current))
                    .map(ReceivedSpan::parentSpanId)
                    .findFirst()
                    .orElse("");
        }
        return false;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }

    /** A valid PAGE_VIEW of the session, as a client sends it. */
    static String pageView(String sessionId) {
        return """
                {"eventId":"%s","sessionId":"%s","userId":"traced-user","eventType":"PAGE_VIEW","timestamp":"%s",
                 "path":"/perfumes","eventData":{"title":"Perfumes","viewDuration":1234,"scrollDepth":40,
                 "timeToInteraction":800,"source":"direct","deviceType":"desktop",
                 "viewport":{"width":1280,"height":800}}}
                """.formatted(UUID.randomUUID(), sessionId, Instant.now().minusSeconds(5));
    }
}
