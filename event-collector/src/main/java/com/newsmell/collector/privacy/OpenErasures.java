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
 * expects has not acknowledged every table group as done), by {@code state}: {@code stalled} those whose
 * re-publications are used up (the erasure-retries job gives up after its attempts), read from the collector's
 * database every 30 seconds; {@code waiting} the others, ({@code newsmell.collector.privacy.open-refresh}).
 */
@ApplicationScoped
public class OpenErasures {

    private static final Logger LOG = Logger.getLogger(OpenErasures.class);

    private final PrivacyRepository repository;
    private final CollectorConfig config;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong stalled = new AtomicLong();

    public OpenErasures(PrivacyRepository repository, CollectorConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        Gauge.builder("newsmell.erasure.requests.open", () -> open.get() - stalled.get())
                .description("Erasure requests not yet acknowledged as done by every service: waiting (retries"
                        + " left, or event-archiver's daily run) or stalled (publications used up)")
                .tag("state", "waiting")
                .register(registry);
        Gauge.builder("newsmell.erasure.requests.open", stalled, AtomicLong::doubleValue)
                .description("Erasure requests not yet acknowledged as done by every service: waiting (retries"
                        + " left, or event-archiver's daily run) or stalled (publications used up)")
                .tag("state", "stalled")
                .register(registry);
    }

    @Scheduled(
            every = "${newsmell.collector.privacy.open-refresh:30s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return repository
                .openRequests(
                        config.privacy().services(),
                        config.privacy().services().stream()
                                .filter(s ->
                                        !config.privacy().retry().notOnKafka().contains(s))
                                .toList(),
                        config.privacy().retry().maxAttempts())
                .invoke(counts -> {
                    open.set(counts.open());
                    stalled.set(counts.stalled());
                })
                .onFailure()
                .recoverWithItem(f -> {
                    LOG.debugf("open erasure requests not counted: %s", f);
                    return null;
                })
                .replaceWithVoid();
    }
}
