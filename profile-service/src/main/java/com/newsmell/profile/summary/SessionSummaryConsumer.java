package com.newsmell.profile.summary;

import com.newsmell.contract.SessionSummary;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * profile-service's consumer of the session summaries (its own consumer group, one record at a time; acknowledged once
 * handled). A record that is no summary goes to the dead-letter topic with its reason; a database outage is retried
 * without acknowledging.
 */
@ApplicationScoped
public class SessionSummaryConsumer {

    static final String SOURCE = "profile-service-session-summaries";

    private final SessionSummaryService summaries;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;

    public SessionSummaryConsumer(
            SessionSummaryService summaries, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        this.summaries = summaries;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Incoming("session-summaries")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return TransientFailures.retryingWhileTransient(
                        () -> summaries.apply(record.key(), record.value()), "a session summary")
                .invoke(outcome -> meters.counter("newsmell.profile.session-summaries", "outcome", outcome.name())
                        .increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(f -> deadLetters.publish(record.key(), record.value(), reason(f), SOURCE));
    }

    private static String reason(Throwable f) {
        return f instanceof SessionSummary.Invalid
                ? f.getMessage()
                : "session-summaries record could not be applied: " + f;
    }
}
