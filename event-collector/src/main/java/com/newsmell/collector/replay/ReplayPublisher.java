package com.newsmell.collector.replay;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.query.EventQuery;
import com.newsmell.collector.query.EventRows;
import com.newsmell.collector.query.UserInteractionEventEntity;
import com.newsmell.collector.query.UserInteractionEventRepository;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.Topics;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.api.TimeWindow;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The postgres source of a replay (ADR 0045): the raw store's rows of [from, to) in (timestamp, eventId) order, read
 * reactively one keyset page at a time, each page published to the service's replay topic (keyed by sessionId, the
 * replay's id in a header) and its acknowledgements awaited (acks=all) before the cursor is stored and the next page
 * read. Nothing is written twice: Kafka is the only destination, the cursor only records how far it got; a collector
 * that stops mid-way resumes from the cursor at start (the service's claims absorb a page published twice).
 */
@ApplicationScoped
public class ReplayPublisher {

    private static final Logger LOG = Logger.getLogger(ReplayPublisher.class);

    private final UserInteractionEventRepository events;
    private final ReplayRepository replays;
    private final MutinyEmitter<String> out;
    private final int pageSize;
    private final Vertx vertx;

    public ReplayPublisher(
            UserInteractionEventRepository events,
            ReplayRepository replays,
            @Channel("replays-out") MutinyEmitter<String> out,
            CollectorConfig config,
            Vertx vertx) {
        this.vertx = vertx;
        this.events = events;
        this.replays = replays;
        this.out = out;
        this.pageSize = config.replay().pageSize();
    }

    /** Publishes the replay's postgres source in the background, on a Vert.x context of its own. */
    public void start(ReplayRepository.Replay replay) {
        inBackground(
                () -> publish(replay),
                failure -> LOG.errorf(failure, "replay %s: the postgres source failed", replay.id()));
    }

    void resumeUnfinished(@Observes StartupEvent start) {
        inBackground(
                () -> replays.unfinishedPostgres().invoke(list -> list.forEach(this::start)),
                failure -> LOG.warnf("replays not resumed: %s", failure.toString()));
    }

    /** Runs the work on a new safe duplicated context (its own Hibernate Reactive session), not awaited. */
    private void inBackground(Supplier<Uni<?>> work, Consumer<Throwable> onFailure) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> work.get().subscribe().with(done -> {}, onFailure));
    }

    Uni<Void> publish(ReplayRepository.Replay replay) {
        return replays.startPostgres(replay.id())
                .chain(position -> pages(replay, position))
                .chain(() -> replays.finishPostgres(replay.id(), null))
                .onFailure()
                .recoverWithUni(failure -> replays.finishPostgres(replay.id(), failure.toString())
                        .chain(() -> Uni.createFrom().failure(failure)));
    }

    private Uni<Void> pages(ReplayRepository.Replay replay, ReplayRepository.Position position) {
        EventQuery.Cursor after =
                position.timestamp() == null ? null : new EventQuery.Cursor(position.timestamp(), position.eventId());
        EventQuery query = new EventQuery(
                null,
                null,
                null,
                null,
                new TimeWindow(replay.from(), replay.to(), ZoneOffset.UTC, null),
                pageSize - 1,
                after);
        return events.page(query).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UserInteractionEventEntity last = rows.get(rows.size() - 1);
            ReplayRepository.Position next =
                    new ReplayRepository.Position(last.timestamp, last.eventId, position.published() + rows.size());
            return send(replay, rows.stream().map(EventRows::toEvent).toList())
                    .chain(() -> replays.advancePostgres(replay.id(), next))
                    .chain(() -> rows.size() < pageSize ? Uni.createFrom().voidItem() : pages(replay, next));
        });
    }

    /** Publishes the events to the replay's topic and waits for every acknowledgement. */
    Uni<Void> send(ReplayRepository.Replay replay, List<UserInteractionEvent> batch) {
        byte[] id = replay.id().toString().getBytes(StandardCharsets.UTF_8);
        return Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndMerge(event -> out.sendMessage(Message.of(EventCodec.toJson(event))
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withTopic(replay.topic())
                                .withKey(event.partitionKey())
                                .withHeaders(new RecordHeaders().add(Topics.REPLAY_ID_HEADER, id))
                                .build())))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
