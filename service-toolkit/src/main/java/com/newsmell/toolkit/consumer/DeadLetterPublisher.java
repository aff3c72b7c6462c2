package com.newsmell.toolkit.consumer;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.toolkit.observability.PipelineMetrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes unprocessable records to the {@value #CHANNEL} outgoing channel. Each service that uses this bean
 * configures the channel itself, e.g.:
 *
 * <pre>
 * mp.messaging.outgoing.dead-letter.connector=smallrye-kafka
 * mp.messaging.outgoing.dead-letter.topic=interaction-events-dlq
 * mp.messaging.outgoing.dead-letter.key.serializer=org.apache.kafka.common.serialization.StringSerializer
 * mp.messaging.outgoing.dead-letter.value.serializer=org.apache.kafka.common.serialization.StringSerializer
 * </pre>
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** Name of the outgoing channel. */
    public static final String CHANNEL = "dead-letter";

    /** Header values longer than this are truncated. */
    public static final int MAX_HEADER_CHARS = 1024;

    private final MutinyEmitter<String> emitter;
    private final PipelineMetrics metrics;

    @Inject
    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, PipelineMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /** For CDI client proxies only. */
    protected DeadLetterPublisher() {
        this.emitter = null;
        this.metrics = null;
    }

    /**
     * Sends {@code payload} with Kafka key {@code key} (may be null) and the headers {@link DeadLetterHeaders#REASON}
     * and {@link DeadLetterHeaders#SOURCE}. The returned {@link Uni} is lazy: the record is sent on subscription and
     * the Uni completes once Kafka acknowledges it (fails on nack). Each acknowledged record is counted in
     * {@code newsmell_events_dead_lettered_total{reason}} by the category of its reason.
     */
    public Uni<Void> publish(String key, String payload, String reason, String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, headerValue(reason));
        headers.add(DeadLetterHeaders.SOURCE, headerValue(source));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata))
                .invoke(() -> metrics.deadLettered(reason));
    }

    private static byte[] headerValue(String value) {
        String v = value == null ? "unknown" : value;
        if (v.length() > MAX_HEADER_CHARS) {
            v = v.substring(0, MAX_HEADER_CHARS);
        }
        return v.getBytes(StandardCharsets.UTF_8);
    }
}
