package com.newsmell.toolkit.privacy;

import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.ErasureRequest;
import com.newsmell.toolkit.consumer.TransientFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Every service's side of an erasure (ADR 0032): reads {@code privacy-requests}, runs the service's
 * {@link UserDataEraser} steps and remembers the user's keyed hash in one transaction (retried while the failure is
 * transient), then acknowledges on {@code privacy-acks} with the rows per table group, keyed by requestId. A
 * redelivered request runs again and finds nothing left: the acknowledgement says done with 0 rows.
 */
@ApplicationScoped
public class PrivacyRequestListener {

    private static final Logger LOG = Logger.getLogger(PrivacyRequestListener.class);

    private final Instance<UserDataEraser> erasers;
    private final ErasedUsers erased;
    private final MutinyEmitter<String> acks;
    private final String service;

    public PrivacyRequestListener(
            Instance<UserDataEraser> erasers,
            ErasedUsers erased,
            @Channel("privacy-acks") MutinyEmitter<String> acks,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.erasers = erasers;
        this.erased = erased;
        this.acks = acks;
        this.service = service;
    }

    @Incoming("privacy-requests")
    public Uni<Void> onRequest(Message<String> message) {
        ErasureRequest request;
        try {
            request = ErasureRequest.fromJson(message.getPayload());
        } catch (RuntimeException e) {
            LOG.warnf("ignoring an unreadable erasure request: %s", e.getMessage());
            return Uni.createFrom().completionStage(message::ack);
        }
        return erase(request)
                .onFailure()
                .recoverWithItem(f -> {
                    LOG.errorf(f, "erasure %s failed", request.requestId());
                    return new ErasureAck(
                            request.requestId(), service, ErasureAck.FAILED, Instant.now(), Map.of(), f.toString());
                })
                .chain(ack -> acks.sendMessage(Message.of(ack.toJson())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(ack.requestId())
                                .build())))
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }

    /** Runs the erasure in one transaction; returns the acknowledgement. */
    public Uni<ErasureAck> erase(ErasureRequest request) {
        List<ErasureStep> steps =
                erasers.stream().flatMap(e -> e.steps().stream()).toList();
        String hash = erased.hash(request.userId());
        return TransientFailures.retryingWhileTransient(
                        () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                            Map<String, Long> rows = new LinkedHashMap<>();
                            Uni<Void> chain = session.createNativeQuery(
                                            "insert into erased_user (user_hash) values (:hash) on conflict do nothing")
                                    .setParameter("hash", hash)
                                    .executeUpdate()
                                    .replaceWithVoid();
                            for (ErasureStep step : steps) {
                                chain = chain.chain(() -> step.run(session, request.userId())
                                        .invoke(n -> rows.merge(step.tableGroup(), (long) n, Long::sum))
                                        .replaceWithVoid());
                            }
                            return chain.replaceWith(rows);
                        })),
                        "an erasure")
                .invoke(() -> erased.rememberLocally(hash))
                .map(rows -> new ErasureAck(request.requestId(), service, ErasureAck.DONE, Instant.now(), rows, null));
    }
}
