package com.newsmell.toolkit.consumer;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InvalidEventException;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.observability.BatchTracing;
import com.newsmell.toolkit.observability.PipelineMetrics;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one consumer pattern every service follows (ADR 0004):
 *
 * <ol>
 *   <li>decode the batch; a record that is not a valid event goes to the dead-letter topic with its reason;
 *   <li>apply the valid events in one transaction (the service claims their eventIds in the same
 *       transaction, so a redelivery changes nothing twice);
 *   <li>a transient failure (the database is down) is retried with back-off, without acknowledging: no offset
 *       is committed until the effects are stored;
 *   <li>any other failure is the data's: the events are applied one by one and the failing ones are
 *       dead-lettered with the reason, and the consumer goes on;
 *   <li>events the service rejects on business grounds are dead-lettered with their reason;
 *   <li>events of erased users are dropped before they are applied (ADR 0032);
 *   <li>then, and only then, the batch is acknowledged.
 * </ol>
 *
 * <p>A replay topic's batch goes the same way ({@link #process(KafkaRecordBatch, String, Function, Function,
 * Function)}), tallied per replay (ADR 0045): what was received, applied, dropped as an erased user's and
 * dead-lettered, handed to the caller before the batch is acknowledged.
 *
 * <p>Each batch runs in a span linked to the send span of each of its records, and is measured: its processing time
 * ({@code newsmell_batch_processing_seconds}) and each applied event's freshness, from the collector's receipt to the
 * commit ({@code newsmell_event_freshness_seconds}); issue 18, ADR 0058.
 */
@ApplicationScoped
public class EventBatchProcessor {

    private static final Logger LOG = Logger.getLogger(EventBatchProcessor.class);

    /** The channel every service consumes the interaction topic on. */
    public static final String CHANNEL = "interactions";

    private final DeadLetterPublisher deadLetters;
    private final EventFilter erased;
    private final PipelineMetrics metrics;
    private final BatchTracing tracing;

    public EventBatchProcessor(
            DeadLetterPublisher deadLetters, EventFilter erased, PipelineMetrics metrics, BatchTracing tracing) {
        this.deadLetters = deadLetters;
        this.erased = erased;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** An event a service refuses to apply, with the reason that goes with it to the dead-letter topic. */
    public record Rejection(UserInteractionEvent event, String reason) {}

    /**
     * Processes a batch. {@code apply} must be transactional and idempotent (claim the eventIds in the same
     * transaction) and returns the events it rejected.
     */
    public Uni<Void> process(
            KafkaRecordBatch<String, String> batch,
            String source,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply) {
        return process(
                batch,
                source,
                apply,
                CHANNEL,
                record -> "",
                tallies -> Uni.createFrom().voidItem());
    }

    /** The channel replay topics are consumed on (toolkit ReplayBatches, ADR 0045). */
    public static final String REPLAY_CHANNEL = "replays";

    /**
     * Processes a replay topic's batch as {@link #process(KafkaRecordBatch, String, Function)} does, tallying its
     * records by {@code tagOf} (a record's replay); {@code beforeAck} gets the tallies once the effects are stored and
     * dead letters sent, before the batch is acknowledged.
     */
    public Uni<Void> process(
            KafkaRecordBatch<String, String> batch,
            String source,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply,
            Function<KafkaRecord<String, String>, String> tagOf,
            Function<Collection<BatchTally>, Uni<Void>> beforeAck) {
        return process(batch, source, apply, REPLAY_CHANNEL, tagOf, beforeAck);
    }

    private Uni<Void> process(
            KafkaRecordBatch<String, String> batch,
            String source,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply,
            String channel,
            Function<KafkaRecord<String, String>, String> tagOf,
            Function<Collection<BatchTally>, Uni<Void>> beforeAck) {
        long started = System.nanoTime();
        List<SpanContext> sends = new ArrayList<>();
        String topic = channel;
        for (KafkaRecord<String, String> record : batch) {
            sends.add(tracing.sendContext(record.getHeaders()));
            topic = record.getTopic();
        }
        return tracing.inBatchSpan(
                        topic,
                        sends.size(),
                        sends,
                        () -> processInSpan(
                                batch,
                                source,
                                apply,
                                tagOf,
                                beforeAck,
                                channel.equals(REPLAY_CHANNEL) ? new BatchTally.Counter() : BatchTally.Counter.none()))
                .invoke(() -> metrics.batchProcessed(channel, System.nanoTime() - started));
    }

    private Uni<Void> processInSpan(
            KafkaRecordBatch<String, String> batch,
            String source,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply,
            Function<KafkaRecord<String, String>, String> tagOf,
            Function<Collection<BatchTally>, Uni<Void>> beforeAck,
            BatchTally.Counter tally) {
        List<UserInteractionEvent> events = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            String tag = tagOf.apply(record);
            int received = tally.received(tag, record);
            try {
                UserInteractionEvent event = EventCodec.fromJson(record.getPayload());
                if (event.eventId() == null) {
                    tally.deadLettered(received);
                    poison.add(deadLetters.publish(
                            record.getKey(), record.getPayload(), "invalid event: no eventId on the topic", source));
                } else {
                    tally.event(event.eventId(), received);
                    events.add(event);
                }
            } catch (InvalidEventException | IllegalArgumentException e) {
                tally.deadLettered(received);
                poison.add(deadLetters.publish(record.getKey(), record.getPayload(), reason(e), source));
            }
        }
        return all(poison)
                .chain(() -> events.isEmpty()
                        ? Uni.createFrom().item(List.<Rejection>of())
                        : applyWithRetry(events, withoutErasedUsers(apply, tally)))
                .invoke(() -> metrics.committed(
                        events.stream().map(UserInteractionEvent::receivedAt).toList(), Instant.now()))
                .chain(rejections -> all(rejections.stream()
                        .map(r -> {
                            tally.rejected(r.event().eventId());
                            return deadLetters.publish(
                                    r.event().partitionKey(), EventCodec.toJson(r.event()), r.reason(), source);
                        })
                        .toList()))
                .chain(() -> beforeAck.apply(tally.tallies()))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** Drops the events of erased users before applying (inside the retries: reading the set may fail too). */
    private Function<List<UserInteractionEvent>, Uni<List<Rejection>>> withoutErasedUsers(
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply, BatchTally.Counter tally) {
        return batch -> erased.keep(batch).chain(kept -> {
            tally.dropped(batch, kept);
            return kept.isEmpty() ? Uni.createFrom().item(List.<Rejection>of()) : apply.apply(kept);
        });
    }

    private Uni<List<Rejection>> applyWithRetry(
            List<UserInteractionEvent> events, Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply) {
        return retryingTransient(events, apply).onFailure().recoverWithUni(failure -> oneByOne(events, apply, failure));
    }

    private static Uni<List<Rejection>> retryingTransient(
            List<UserInteractionEvent> events, Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply) {
        return TransientFailures.retryingWhileTransient(() -> apply.apply(events), "a batch");
    }

    private static Uni<List<Rejection>> oneByOne(
            List<UserInteractionEvent> events,
            Function<List<UserInteractionEvent>, Uni<List<Rejection>>> apply,
            Throwable batchFailure) {
        LOG.warnf("a batch of %d events failed (%s); applying them one by one", events.size(), batchFailure.toString());
        Uni<List<Rejection>> chain = Uni.createFrom().item(new ArrayList<>());
        for (UserInteractionEvent event : events) {
            chain = chain.chain(rejected -> retryingTransient(List.of(event), apply)
                    .onFailure()
                    .recoverWithItem(f -> List.of(new Rejection(event, "could not be applied: " + f)))
                    .map(more -> {
                        rejected.addAll(more);
                        return rejected;
                    }));
        }
        return chain;
    }

    private static Uni<Void> all(List<Uni<Void>> unis) {
        return unis.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(unis).andFailFast().replaceWithVoid();
    }

    private static String reason(RuntimeException e) {
        if (e instanceof InvalidEventException invalid && !invalid.violations().isEmpty()) {
            return "invalid event: " + invalid.violations();
        }
        return "invalid event: " + e.getMessage();
    }
}
