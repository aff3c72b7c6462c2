package com.newsmell.session.usersession;

import com.newsmell.contract.EventCodec;
import com.newsmell.session.config.SessionConfig;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code close-idle-sessions} job (every minute; latest period only): closes the open sessions idle past the timeout (one transaction per batch), which fixes their
 * endTime, duration, exitPage, bounced and abandoned searches; then sends their orphan clicks (a searchId no
 * search of the session has) to the dead-letter topic.
 */
@ApplicationScoped
public class IdleSessionCloser implements ScheduledJob {

    public static final String NAME = "close-idle-sessions";
    public static final String SOURCE = "session-service";

    private final SessionService sessions;
    private final DeadLetterPublisher deadLetters;
    private final SessionConfig config;

    public IdleSessionCloser(SessionService sessions, DeadLetterPublisher deadLetters, SessionConfig config) {
        this.sessions = sessions;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.closeIdleSessionsCron(),
                CatchUp.LATEST_ONLY,
                "Closes every open session whose last event is older than the idle timeout (" + config.idleTimeout()
                        + ") at the run's clock, and dead-letters their orphan search clicks; rows = sessions closed.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return run(context.clock())
                .map(r -> new JobOutcome(
                        r.closedSessions(),
                        null,
                        Map.of("closedSessions", r.closedSessions(), "deadLetteredClicks", r.deadLetteredClicks())));
    }

    /** What a run did. */
    public record Result(int closedSessions, int deadLetteredClicks) {}

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
            return batch.sessions() == 0 || batch.sessions() < config.closeBatchSize()
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
