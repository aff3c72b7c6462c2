package com.newsmell.collector.store;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InvalidEventException;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.kafka.DeadLetterPublisher;
import com.newsmell.contract.kafka.TransientFailures;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The collector's own consumer of the interaction topic: writes the raw store in batches. A message it
 * cannot read goes to the dead-letter topic with its reason; a database outage is retried without
 * acknowledging, so no offset is committed until the rows are stored.
 */
@ApplicationScoped
public class RawEventConsumer {

    private static final Logger LOG = Logger.getLogger(RawEventConsumer.class);

    private final RawEventStore store;
    private final DeadLetterPublisher deadLetters;

    public RawEventConsumer(RawEventStore store, DeadLetterPublisher deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
    }

    @Incoming("interactions-in")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<UserInteractionEvent> events = new ArrayList<>();
        List<Uni<Void>> poison = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                events.add(EventCodec.fromJson(record.getPayload()));
            } catch (InvalidEventException e) {
                poison.add(
                        deadLetters.publish(record.getKey(), record.getPayload(), e.getMessage(), "event-collector"));
            }
        }
        Uni<Void> deadLettered = poison.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(poison).andFailFast().replaceWithVoid();
        return deadLettered
                .chain(() -> storeWithRetry(events))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private Uni<Void> storeWithRetry(List<UserInteractionEvent> events) {
        return store.store(events)
                .onFailure(TransientFailures::isTransient)
                .invoke(f -> LOG.warnf("raw store unavailable, retrying without committing: %s", f.toString()))
                .onFailure(TransientFailures::isTransient)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .onFailure()
                .recoverWithUni(failure -> storeOneByOne(events, failure))
                .replaceWithVoid();
    }

    /** A failure of the data itself: store what can be stored, dead-letter the rest with the reason. */
    private Uni<Integer> storeOneByOne(List<UserInteractionEvent> events, Throwable batchFailure) {
        LOG.warnf("batch insert failed (%s); storing event by event", batchFailure.toString());
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (UserInteractionEvent event : events) {
            chain = chain.chain(count -> store.store(List.of(event))
                    .onFailure(f -> !TransientFailures.isTransient(f))
                    .recoverWithUni(f -> deadLetters
                            .publish(
                                    event.sessionId(),
                                    EventCodec.toJson(event),
                                    "raw store rejected the row: " + f.getMessage(),
                                    "event-collector")
                            .replaceWith(0))
                    .map(stored -> count + stored));
        }
        return chain;
    }
}
