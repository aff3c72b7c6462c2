package com.newsmell.toolkit.retention;

import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The {@code processed-event-pruning} job every service runs (ADR 0030): deletes the consumers' idempotency claims
 * older than {@code newsmell.retention.processed-event}, in batches, each in a transaction of its own.
 */
@ApplicationScoped
public class ProcessedEventPruning implements ScheduledJob {

    public static final String NAME = "processed-event-pruning";

    private final RetentionConfig config;

    public ProcessedEventPruning(RetentionConfig config) {
        this.config = config;
        ClaimRetention.checked(config.processedEvent(), config.kafkaTopicRetention());
    }

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(
                NAME,
                config.cron(),
                CatchUp.LATEST_ONLY,
                "Deletes processed_event claims older than " + config.processedEvent()
                        + " (the interaction topic keeps " + config.kafkaTopicRetention()
                        + "); rows = claims deleted.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        Instant cutoff = ClaimRetention.cutoff(context.clock(), config.processedEvent(), config.kafkaTopicRetention());
        return pruneFrom(cutoff, 0).map(n -> new JobOutcome(n, null, Map.of("cutoff", cutoff.toString())));
    }

    private Uni<Long> pruneFrom(Instant cutoff, long deleted) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("delete from processed_event where event_id in ("
                                        + "select event_id from processed_event where processed_at < cast(:cutoff as timestamptz)"
                                        + " limit :batch)")
                                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                                .setParameter("batch", config.batchSize())
                                .executeUpdate()))
                .chain(n ->
                        n < config.batchSize() ? Uni.createFrom().item(deleted + n) : pruneFrom(cutoff, deleted + n));
    }
}
