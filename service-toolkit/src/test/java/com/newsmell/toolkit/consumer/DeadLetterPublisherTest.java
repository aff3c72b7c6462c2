package com.newsmell.toolkit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.toolkit.observability.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {

    /** Completes the returned Uni only when the message is acked, like the real emitter. */
    static final class FakeEmitter implements MutinyEmitter<String> {
        Message<? extends String> sent;

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M msg) {
            return Uni.createFrom()
                    .completionStage(() -> {
                        sent = msg;
                        return CompletableFuture.completedFuture(null);
                    })
                    .chain(() -> Uni.createFrom().completionStage(msg.ack()));
        }

        @Override
        public Uni<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {}

        @Override
        public void error(Exception e) {}

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendsKeyPayloadAndHeaders() {
        FakeEmitter emitter = new FakeEmitter();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeadLetterPublisher publisher = new DeadLetterPublisher(emitter, new PipelineMetrics(registry));
        Uni<Void> uni = publisher.publish(
                "sess-1", "{\"bad\":true}",
                "invalid event: /eventType enum", "event-collector");
        assertEquals(null, emitter.sent, "lazy until subscribed");
        assertEquals(null, registry.find("newsmell.events.dead.lettered").counter(), "counted once acknowledged");
        uni.await().atMost(Duration.ofSeconds(5));
        assertEquals(
                1.0,
                registry.get("newsmell.events.dead.lettered")
                        .tag("reason", "invalid_event")
                        .counter()
                        .count());

        assertEquals("{\"bad\":true}", emitter.sent.getPayload());
        OutgoingKafkaRecordMetadata<String> md =
                emitter.sent.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("sess-1", md.getKey());
        Headers headers = md.getHeaders();
        assertEquals(
                "invalid event: /eventType enum",
                new String(headers.lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8));
        assertEquals(
                "event-collector",
                new String(headers.lastHeader(DeadLetterHeaders.SOURCE).value(), StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nullReasonAndSourceAndLongReason() {
        FakeEmitter emitter = new FakeEmitter();
        DeadLetterPublisher publisher =
                new DeadLetterPublisher(emitter, new PipelineMetrics(new SimpleMeterRegistry()));
        publisher.publish(null, "x", null, null).await().atMost(Duration.ofSeconds(5));
        OutgoingKafkaRecordMetadata<String> md =
                emitter.sent.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals(null, md.getKey());
        assertEquals(
                "unknown",
                new String(md.getHeaders().lastHeader(DeadLetterHeaders.REASON).value()));

        publisher.publish("k", "x", "r".repeat(5000), "s").await().atMost(Duration.ofSeconds(5));
        md = emitter.sent.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals(
                DeadLetterPublisher.MAX_HEADER_CHARS,
                md.getHeaders().lastHeader(DeadLetterHeaders.REASON).value().length);
    }
}
