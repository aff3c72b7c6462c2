package com.newsmell.session.usersession;

import com.newsmell.session.config.SessionConfig;
import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code session-event-pruning} job (ADR 0030): deletes the stored events of closed sessions whose last event is
 * older than {@code newsmell.session.session-event-retention}; the session, its searches and the rollups stay. One
 * transaction per batch of sessions.
 */
@ApplicationScoped
public class SessionEventPruning implements ScheduledJob {

    public static final String NAME = "session-event-pruning";
    private static final int BATCH = 1000;

    private final SessionConfig config;
    private final SessionEventRepository events;

    public SessionEventPruning(SessionConfig config, SessionEventRepository events) {
        this.config = config;
        this.events = events;
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.sessionEventPruningCron(),
                CatchUp.LATEST_ONLY,
                "Deletes session_event rows of closed sessions whose last event is older than "
                        + config.sessionEventRetention() + "; rows = events deleted.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Instant cutoff = context.clock().minus(config.sessionEventRetention());
        return pruneFrom(cutoff, 0).map(n -> new JobOutcome(n, null, Map.of("cutoff", cutoff.toString())));
    }

    private Uni<Long> pruneFrom(Instant cutoff, long deleted) {
        return Panache.withTransaction(() -> events.pruneClosedBefore(cutoff, BATCH))
                .chain(n -> n == 0 ? Uni.createFrom().item(deleted) : pruneFrom(cutoff, deleted + n));
    }
}
