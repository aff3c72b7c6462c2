package com.newsmell.toolkit.identity;

import com.newsmell.contract.IdentityLink;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.TransientFailures;
import com.newsmell.toolkit.privacy.ErasedUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service's consumer of the identity-links topic does with one record (ADR 0064; its own consumer group, one
 * record at a time, acknowledged once handled): in one transaction the link is stored unless the stored one takes
 * precedence ({@link IdentityLinkStore}, which makes a redelivery change nothing), and then the service's
 * {@link IdentityStitcher} (the one bean of the consuming service) stitches the anonymous history to the user. A record that is no link goes to the
 * dead-letter topic with its reason; a tombstone (null value) and a link to an erased user are skipped; a database outage is retried without
 * acknowledging. Counted in {@code newsmell_identity_links_total{service, outcome}}.
 */
@ApplicationScoped
public class IdentityLinkRecords {

    /** What a record did. */
    public enum Outcome {
        STITCHED,
        /** A redelivery, or a link older than the stored one. */
        IGNORED_NOT_NEWER,
        TOMBSTONE,
        /** A link to an erased user (ADR 0032): never stored, so a replayed link does not bring the stitching back. */
        ERASED_USER
    }

    private final IdentityLinkStore store;
    private final Instance<IdentityStitcher> stitcher;
    private final DeadLetterPublisher deadLetters;
    private final ErasedUsers erased;
    private final MeterRegistry meters;

    public IdentityLinkRecords(
            IdentityLinkStore store,
            Instance<IdentityStitcher> stitcher,
            DeadLetterPublisher deadLetters,
            ErasedUsers erased,
            MeterRegistry meters) {
        this.store = store;
        this.stitcher = stitcher;
        this.deadLetters = deadLetters;
        this.erased = erased;
        this.meters = meters;
    }

    /** @param source the consumer, named in {@code dead-letter-source} and the counter's {@code service} tag */
    public Uni<Void> consume(ConsumerRecord<String, String> record, String source) {
        return TransientFailures.retryingWhileTransient(() -> apply(record.key(), record.value()), "an identity link")
                .invoke(outcome -> meters.counter(
                                "newsmell.identity.links", "service", source, "outcome", outcome.name())
                        .increment())
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(f -> deadLetters.publish(record.key(), record.value(), reason(f), source));
    }

    /** Applies one record in its own transaction. */
    public Uni<Outcome> apply(String key, String value) {
        if (value == null) {
            return Uni.createFrom().item(Outcome.TOMBSTONE);
        }
        IdentityLink link = IdentityLink.fromJson(value);
        if (key != null && !key.equals(link.anonymousId())) {
            throw new IdentityLink.Invalid("the record's key is not its anonymousId");
        }
        return erased.refreshed()
                .chain(set ->
                        erased.isErased(link.userId()) ? Uni.createFrom().item(Outcome.ERASED_USER) : stitch(link));
    }

    private Uni<Outcome> stitch(IdentityLink link) {
        return Panache.withTransaction(() -> store.lockVisitors(List.of(link.anonymousId()))
                .chain(() -> store.record(link))
                .chain(change -> change.isEmpty()
                        ? Uni.createFrom().item(Outcome.IGNORED_NOT_NEWER)
                        : stitcher.get()
                                .stitch(change.get().link(), change.get().previousUserId())
                                .replaceWith(Outcome.STITCHED)));
    }

    private static String reason(Throwable f) {
        return f instanceof IdentityLink.Invalid ? f.getMessage() : "identity-links record could not be applied: " + f;
    }
}
