package com.newsmell.collector.privacy;

import com.newsmell.collector.config.CollectorConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * {@code newsmell_erasure_requests_open} (issue 18): the erasure requests whose receipt is not done yet (a service it
 * expects has not acknowledged every table group as done), read from the collector's database every 30 seconds.
 */
@ApplicationScoped
public class OpenErasures {

    private static final Logger LOG = Logger.getLogger(OpenErasures.class);

    private final PrivacyRepository repository;
    private final CollectorConfig config;
    private final AtomicLong open = new AtomicLong();

    public OpenErasures(PrivacyRepository repository, CollectorConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        Gauge.builder("newsmell.erasure.requests.open", open, AtomicLong::doubleValue)
                .description("Erasure requests not yet acknowledged as done by every service")
                .register(registry);
    }

    @Scheduled(every = "30s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return repository
                .openRequests(config.privacy().services())
                .invoke(open::set)
                .onFailure()
                .recoverWithItem(f -> {
                    LOG.debugf("open erasure requests not counted: %s", f);
                    return null;
                })
                .replaceWithVoid();
    }
}
