package com.newsmell.session.session;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.kafka.DeadLetterPublisher;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The close job: closes the open sessions idle past the timeout (one transaction per batch), which fixes their
 * endTime, duration, exitPage, bounced and abandoned searches; then sends their orphan clicks (a searchId no
 * search of the session has) to the dead-letter topic.
 */
@ApplicationScoped
public class IdleSessionCloser {

    public static final String SOURCE = "session-service";
    private static final Logger LOG = Logger.getLogger(IdleSessionCloser.class);

    private final SessionService sessions;
    private final DeadLetterPublisher deadLetters;

    public IdleSessionCloser(SessionService sessions, DeadLetterPublisher deadLetters) {
        this.sessions = sessions;
        this.deadLetters = deadLetters;
    }

    /** What a run did. */
    public record Result(int closedSessions, int deadLetteredClicks) {}

    @Scheduled(
            every = "${newsmell.session.close-every:1m}",
            delayed = "${newsmell.session.close-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scheduled() throws Throwable {
        Result result = VertxContextSupport.subscribeAndAwait(() -> run(Instant.now()));
        if (result.closedSessions() > 0) {
            LOG.infof("closed %d idle sessions", result.closedSessions());
        }
    }

    /** Closes every session idle at {@code now}, batch by batch. */
    public Uni<Result> run(Instant now) {
        return closeAll(now, 0, new ArrayList<>())
                .chain(done -> publish(done.orphans).replaceWith(new Result(done.closed, done.orphans.size())));
    }

    private record Progress(int closed, List<Rejection> orphans) {}

    private Uni<Progress> closeAll(Instant now, int closed, List<Rejection> orphans) {
        return sessions.closeIdle(now).chain(batch -> {
            orphans.addAll(batch.orphanClicks());
            int total = closed + batch.sessions();
            return batch.sessions() == 0 || batch.sessions() < sessions.closeBatchSize()
                    ? Uni.createFrom().item(new Progress(total, orphans))
                    : closeAll(now, total, orphans);
        });
    }

    private Uni<Void> publish(List<Rejection> orphans) {
        if (orphans.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(orphans.stream()
                        .map(r -> deadLetters.publish(
                                r.event().sessionId(), EventCodec.toJson(r.event()), r.reason(), SOURCE))
                        .toList())
                .andCollectFailures()
                .replaceWithVoid();
    }
}
