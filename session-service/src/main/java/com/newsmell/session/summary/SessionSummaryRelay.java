package com.newsmell.session.summary;

import com.newsmell.session.config.SessionConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * The outbox relay (ADR 0017): every {@code newsmell.session.summary-relay-interval} it locks a batch of pending
 * summaries ({@code for update skip locked}, so replicas share the work), sends them keyed by sessionId to the
 * {@value #CHANNEL} channel (acks=all, idempotent producer), and deletes them in the same transaction once Kafka has
 * acknowledged all of them. If a send fails, the transaction rolls back and the rows stay for the next pass; a crash
 * between the ack and the commit re-sends a summary with the same revision, which consumers ignore.
 */
@ApplicationScoped
public class SessionSummaryRelay {

    private static final Logger LOG = Logger.getLogger(SessionSummaryRelay.class);

    public static final String CHANNEL = "session-summaries-out";

    private final SessionSummaryOutboxRepository outbox;
    private final MutinyEmitter<Record<String, String>> emitter;
    private final Scheduler scheduler;
    private final SessionConfig config;

    public SessionSummaryRelay(
            SessionSummaryOutboxRepository outbox,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2_000)
                    MutinyEmitter<Record<String, String>> emitter,
            Scheduler scheduler,
            SessionConfig config) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.scheduler = scheduler;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.summaryRelayInterval().isZero()) {
            LOG.info("session summary relay off (newsmell.session.summary-relay-interval=0)");
            return;
        }
        scheduler
                .newJob("session-summary-relay")
                .setInterval(config.summaryRelayInterval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> relayNow())
                .schedule();
    }

    private void relayNow() {
        try {
            VertxContextSupport.subscribeAndAwait(this::relayAll);
        } catch (Throwable t) {
            LOG.warn("session summary relay failed; the pending summaries stay in the outbox", t);
        }
    }

    /** Publishes batch after batch until the outbox is empty; how many summaries were published. */
    public Uni<Integer> relayAll() {
        return relayBatch()
                .chain(sent -> sent < config.summaryRelayBatchSize()
                        ? Uni.createFrom().item(sent)
                        : relayAll().map(more -> sent + more));
    }

    /** One transaction: lock a batch, send it, wait for every ack, delete it. */
    @WithTransaction
    public Uni<Integer> relayBatch() {
        return outbox.lockPending(config.summaryRelayBatchSize()).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = rows.stream()
                    .map(row ->
                            Uni.createFrom().deferred(() -> emitter.send(Record.of(row.sessionId(), row.payload()))))
                    .toList();
            List<Long> ids = rows.stream()
                    .map(SessionSummaryOutboxRepository.Pending::id)
                    .toList();
            return Uni.join()
                    .all(sends)
                    .andFailFast()
                    .chain(() -> outbox.deleteIds(ids))
                    .replaceWith(rows.size());
        });
    }
}
