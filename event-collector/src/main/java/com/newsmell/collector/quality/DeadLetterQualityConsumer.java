package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Counts every record of the dead-letter topic, whichever service sent it, in the data-quality view (issue #20): by
 * the consumer that dead-lettered it ({@code dead-letter-source}), its reason ({@code dead-letter-reason}, the rule
 * when it is a list of errors) and the event type its value names. Once per record (partition and offset), however
 * often it is delivered; a database outage is retried, never skipped.
 */
@ApplicationScoped
public class DeadLetterQualityConsumer {

    /** Longest reason kept as a rule value. */
    static final int MAX_REASON = 200;

    private final QualityRecorder recorder;

    public DeadLetterQualityConsumer(QualityRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("quality-dead-letters")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String consumer = header(record, DeadLetterHeaders.SOURCE);
        String reason = reason(header(record, DeadLetterHeaders.REASON));
        String eventType = QualityRecorder.eventType(json(record.value()));
        Instant at = Instant.ofEpochMilli(record.timestamp());
        return recorder.deadLettered(record.partition(), record.offset(), at, consumer, reason, eventType)
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely();
    }

    /**
     * The rule a reason names: the collector writes a reason as its errors ({@code [{pointer, rule, detail}]}), then
     * the first error's rule; any other reason as written, cut to {@link #MAX_REASON} characters.
     */
    static String reason(String reason) {
        JsonNode errors = json(reason);
        if (errors != null
                && errors.isArray()
                && errors.size() > 0
                && errors.get(0).path("rule").isTextual()) {
            return errors.get(0).path("rule").textValue();
        }
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(text);
        } catch (Exception e) {
            return null; // not JSON: counted without an event type
        }
    }
}
