package com.newsmell.collector.privacy;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.ErasureRequest;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.privacy.ErasedUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Erasure on the collector (ADR 0032): records a request (the user only as a keyed hash, plus the archive's pending
 * rewrite), suppresses the user's later events at once, publishes the request on privacy-requests, stores the
 * services' acknowledgements and builds the receipt.
 */
@ApplicationScoped
public class PrivacyService {

    private final PrivacyRepository repository;
    private final ErasedUsers erased;
    private final MutinyEmitter<String> requests;
    private final CollectorConfig config;
    private final MeterRegistry meters;
    private final RetryPolicy retryPolicy;

    public PrivacyService(
            PrivacyRepository repository,
            ErasedUsers erased,
            @Channel("privacy-requests-out") MutinyEmitter<String> requests,
            CollectorConfig config,
            MeterRegistry meters) {
        this.repository = repository;
        this.erased = erased;
        this.requests = requests;
        this.config = config;
        this.meters = meters;
        CollectorConfig.Privacy.Retry retry = config.privacy().retry();
        this.retryPolicy = new RetryPolicy(retry.firstDelay(), retry.maxAttempts(), retry.notOnKafka());
    }

    /** Records and publishes an erasure request; answers with its id once Kafka has acknowledged it. */
    public Uni<ErasureRequest> request(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 255) {
            throw new ProblemException(Problem.invalid(
                    "The user id is invalid.",
                    List.of(new com.newsmell.contract.Violation(
                            "/userId", "length", "userId must have 1 to 255 characters"))));
        }
        ErasureRequest request = new ErasureRequest(
                UUID.randomUUID().toString(), userId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String hash = erased.hash(userId);
        return record(request, hash)
                .invoke(() -> erased.rememberLocally(hash))
                .chain(() -> publish(request, 1, Instant.now()))
                .replaceWith(request);
    }

    /** Publishes the request (its {@code attempt}-th publication, at {@code at}) and records when the next is due. */
    private Uni<Void> publish(ErasureRequest request, int attempt, Instant at) {
        return requests.sendMessage(Message.of(request.toJson())
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(request.requestId())
                                .build()))
                .chain(() -> markPublished(UUID.fromString(request.requestId()), attempt, at));
    }

    @WithTransaction
    Uni<Void> markPublished(UUID id, int attempt, Instant at) {
        return repository.markPublished(id, attempt, at, retryPolicy.next(at, attempt));
    }

    /** The requests due for re-publication at {@code clock}. */
    @WithTransaction
    public Uni<List<PrivacyRepository.Due>> due(Instant clock, int limit) {
        return repository.due(clock, limit);
    }

    /**
     * Publishes a due request again when some service still has not acknowledged it done (else settles it); answers
     * whether it was published.
     */
    public Uni<Boolean> retry(PrivacyRepository.Due due, Instant clock) {
        return missing(due.requestId()).chain(missing -> {
            if (missing.isEmpty()) {
                return settle(due.requestId()).replaceWith(false);
            }
            return publish(
                            new ErasureRequest(due.requestId().toString(), due.userId(), due.requestedAt()),
                            due.attempts() + 1,
                            clock)
                    .replaceWith(true);
        });
    }

    @WithTransaction
    Uni<List<String>> missing(UUID id) {
        return repository
                .acks(id)
                .map(acks -> retryPolicy.missing(config.privacy().services(), acks));
    }

    @WithTransaction
    Uni<Void> settle(UUID id) {
        return repository.settle(id);
    }

    @WithTransaction
    Uni<Void> record(ErasureRequest request, String hash) {
        return repository.insertRequest(
                UUID.fromString(request.requestId()), hash, request.userId(), request.requestedAt());
    }

    /** Stores a service's acknowledgement, one row per table group (a failure without groups as group "*"). */
    @WithTransaction
    public Uni<Void> acknowledge(ErasureAck ack) {
        UUID id = UUID.fromString(ack.requestId());
        Map<String, Long> groups = ack.rowsByTableGroup().isEmpty() ? Map.of("*", 0L) : ack.rowsByTableGroup();
        Uni<Void> chain = ErasureAck.DONE.equals(ack.status())
                ? repository.clearFailures(id, ack.service())
                : Uni.createFrom().voidItem();
        for (Map.Entry<String, Long> group : groups.entrySet()) {
            chain = chain.chain(() -> repository.upsertAck(
                    id,
                    new PrivacyRepository.Ack(
                            ack.service(),
                            group.getKey(),
                            ack.status(),
                            group.getValue(),
                            ack.completedAt(),
                            ack.error())));
        }
        // once every service reading privacy-requests has acknowledged done, no retry is due and the user id goes
        return chain.chain(() -> repository.acks(id))
                .chain(acks ->
                        retryPolicy.missing(config.privacy().services(), acks).isEmpty()
                                ? repository.settle(id)
                                : Uni.createFrom().voidItem());
    }

    /** The receipt, or 404 problem. */
    @WithTransaction
    public Uni<Receipt> receipt(UUID id) {
        return repository.find(id).chain(found -> {
            if (found.isEmpty()) {
                throw new ProblemException(Problem.of(404, "not-found", "Not found", "No erasure request " + id + "."));
            }
            PrivacyRepository.Request request = found.get();
            CollectorConfig.Privacy p = config.privacy();
            List<Receipt.RemainingCopy> copies = List.of(
                    new Receipt.RemainingCopy(
                            "Kafka topic of raw interaction events",
                            request.requestedAt().plus(p.interactionTopicRetention())),
                    new Receipt.RemainingCopy(
                            "Kafka dead-letter topic", request.requestedAt().plus(p.deadLetterTopicRetention())),
                    new Receipt.RemainingCopy(
                            "Kafka topic privacy-requests (this request)",
                            request.requestedAt().plus(p.privacyRequestTopicRetention())),
                    new Receipt.RemainingCopy(
                            "database backups", request.requestedAt().plus(p.backupRetention())));
            return repository.acks(id).map(acks -> Receipt.of(request, p.services(), acks, copies));
        });
    }

    /**
     * The eventIds among these whose user is erased (by the set as last read, re-read every few seconds): such events
     * are dropped at the collector and counted per keyed hash and day, in one transaction.
     */
    public Uni<java.util.Set<String>> suppressed(List<UserInteractionEvent> events) {
        if (events.stream().allMatch(e -> e.userId() == null)) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return erased.refreshed().chain(set -> {
            if (set.isEmpty()) {
                return Uni.createFrom().item(java.util.Set.<String>of()); // no user erased: no keyed hash to compute
            }
            Map<String, Long> byHash = new java.util.HashMap<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (UserInteractionEvent event : events) {
                if (event.userId() != null) {
                    String hash = erased.hash(event.userId());
                    if (set.contains(hash)) {
                        byHash.merge(hash, 1L, Long::sum);
                        ids.add(event.eventId());
                    }
                }
            }
            if (ids.isEmpty()) {
                return Uni.createFrom().item(java.util.Set.<String>of());
            }
            meters.counter("newsmell.collector.events", "outcome", "suppressed").increment(ids.size());
            return countSuppressed(byHash).replaceWith(ids);
        });
    }

    @WithTransaction
    Uni<Void> countSuppressed(Map<String, Long> byHash) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Long> e : byHash.entrySet()) {
            chain = chain.chain(() -> repository.countSuppressed(e.getKey(), e.getValue()));
        }
        return chain;
    }
}
