package com.newsmell.collector.quality;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the data-quality view bounded (issue #20): samples (and the dead letters already counted) expire after
 * {@code newsmell.quality.sample-retention} (7 days), per-minute counts after {@code count-retention} (93 days, the
 * API's longest hourly range). Every replica may run it: deleting what is expired is idempotent.
 */
@ApplicationScoped
public class QualityCleanup {

    private final QualityRepository repository;
    private final Duration sampleRetention;
    private final Duration countRetention;

    public QualityCleanup(
            QualityRepository repository,
            @ConfigProperty(name = "newsmell.quality.sample-retention", defaultValue = "P7D") Duration sampleRetention,
            @ConfigProperty(name = "newsmell.quality.count-retention", defaultValue = "P93D") Duration countRetention) {
        this.repository = repository;
        this.sampleRetention = sampleRetention;
        this.countRetention = countRetention;
    }

    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> hourly() {
        return expire(Instant.now());
    }

    /** Deletes what has expired at {@code now}. */
    public Uni<Void> expire(Instant now) {
        return Panache.withTransaction(() -> repository.expire(now.minus(sampleRetention), now.minus(countRetention)));
    }
}
