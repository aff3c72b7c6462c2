package com.newsmell.perfumestats.audit;

import com.newsmell.contract.PerfumeViewAudit;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.TransientFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * perfume-stats-service's consumer of the collector's {@code perfume-view-audit} topic (its own consumer group,
 * one record at a time; acknowledged once handled). A malformed record, or one perfume-stats can't answer for, goes
 * to the dead-letter topic with its reason; a database outage is retried without acknowledging.
 */
@ApplicationScoped
public class AuditConsumer {

    static final String SOURCE = "perfume-stats-service";

    private final WindowAuditService audits;
    private final DeadLetterPublisher deadLetters;

    public AuditConsumer(WindowAuditService audits, DeadLetterPublisher deadLetters) {
        this.audits = audits;
        this.deadLetters = deadLetters;
    }

    @Incoming("perfume-view-audit")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return TransientFailures.retryingWhileTransient(
                        () -> audits.check(PerfumeViewAudit.fromJson(record.value())), "an audit record")
                .invoke(stored -> stored.ifPresent(audits::count))
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(f -> deadLetters.publish(record.key(), record.value(), reason(f), SOURCE));
    }

    private static String reason(Throwable f) {
        return f instanceof PerfumeViewAudit.Invalid
                ? f.getMessage()
                : "perfume-view-audit record could not be checked: " + f;
    }
}
