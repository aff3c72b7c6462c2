package com.newsmell.collector.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.query.EventQuery;
import com.newsmell.contract.ReplayAck;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Replays (ADR 0045): records a replay with its sources (the archived months of the range for event-archiver's
 * parquet source, the rest from PostgreSQL), starts the postgres source, stores the services' acknowledgements and
 * answers a replay's progress and outcome.
 */
@ApplicationScoped
public class ReplayService {

    private final ReplayRepository repository;
    private final ReplayPublisher publisher;
    private final CollectorConfig.Replay config;

    public ReplayService(ReplayRepository repository, ReplayPublisher publisher, CollectorConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config.replay();
    }

    /** Validates and records the replay, starts its postgres source and answers it as it stands. */
    public Uni<ReplayView> request(JsonNode body) {
        ReplayRequest request = ReplayRequest.of(body, config.services(), config.maxRange(), Instant.now());
        ReplayRepository.Replay replay = new ReplayRepository.Replay(
                UUID.randomUUID(),
                request.service(),
                config.topicPrefix() + request.target(),
                request.from(),
                request.to(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return record(replay).invoke(() -> publisher.start(replay)).chain(() -> view(replay.id()));
    }

    @WithTransaction
    Uni<Void> record(ReplayRepository.Replay replay) {
        return repository.archivedMonths(replay.from(), replay.to()).chain(months -> repository.insert(replay, months));
    }

    /** A replay's progress and outcome, or 404 problem. */
    @WithTransaction
    public Uni<ReplayView> view(UUID id) {
        return repository.find(id).chain(found -> {
            if (found.isEmpty()) {
                throw new ProblemException(Problem.of(404, "not-found", "Not found", "No replay " + id + "."));
            }
            return view(found.get());
        });
    }

    /** The replays, newest first, a keyset page. */
    @WithTransaction
    public Uni<Page<ReplayView>> list(int limit, String cursor) {
        EventQuery.Cursor after = EventQuery.Cursor.decode(cursor);
        return repository
                .page(limit, after == null ? null : after.timestamp(), after == null ? null : after.eventId())
                .chain(rows -> {
                    List<ReplayRepository.Replay> shown =
                            rows.stream().limit(limit).toList();
                    Uni<List<ReplayView>> views = Uni.createFrom().item(new ArrayList<>());
                    for (ReplayRepository.Replay replay : shown) {
                        views = views.chain(list -> view(replay).map(v -> {
                            list.add(v);
                            return list;
                        }));
                    }
                    String next = rows.size() > limit
                            ? new EventQuery.Cursor(
                                            shown.get(limit - 1).requestedAt(),
                                            shown.get(limit - 1).id())
                                    .encode()
                            : null;
                    return views.map(list -> new Page<>(List.copyOf(list), next));
                });
    }

    private Uni<ReplayView> view(ReplayRepository.Replay replay) {
        return repository
                .sources(replay.id())
                .chain(sources -> repository
                        .consumed(replay.id())
                        .map(consumed -> ReplayView.of(
                                replay.id().toString(),
                                replay.service(),
                                replay.topic(),
                                replay.from(),
                                replay.to(),
                                replay.requestedAt(),
                                sources,
                                consumed)));
    }

    /** Stores a service's acknowledgement of a batch (a redelivered one once). */
    @WithTransaction
    public Uni<Void> acknowledge(ReplayAck ack) {
        return repository.insertAck(ack);
    }
}
