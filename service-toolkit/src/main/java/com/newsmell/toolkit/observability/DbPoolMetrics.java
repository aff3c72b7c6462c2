package com.newsmell.toolkit.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * {@code newsmell_db_pool_connections{state}}: the reactive database pool's connections {@code in_use},
 * {@code idle}, and requests {@code waiting} for one. Quarkus' Vert.x binder measures the SQL pool
 * ({@code sql_pool_active}, {@code sql_pool_idle}, {@code sql_pool_queue_size}, tagged {@code pool_type="sql"}); these gauges give
 * them the one name every service's dashboards and alerts use, summed over the service's pools.
 */
@ApplicationScoped
public class DbPoolMetrics {

    /** Our state → the Vert.x pool meter's name suffix. */
    static final Map<String, String> STATES = Map.of("in_use", "active", "idle", "idle", "waiting", "queue.size");

    /** The Vert.x binder's SQL pool meters: {@code sql.pool.active}, {@code sql.pool.idle}, {@code sql.pool.queue.size}. */
    static final String POOL_METERS = "sql.pool.";

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        STATES.forEach((state, suffix) -> Gauge.builder(Meters.DB_POOL, registry, r -> sum(r, POOL_METERS + suffix))
                .baseUnit("connections")
                .description("The reactive database pool: connections in use, idle, and requests waiting for one")
                .tag("state", state)
                .strongReference(true)
                .register(registry));
    }

    /** The sum over the service's SQL pools of the Vert.x pool meter {@code name}; 0 before a pool exists. */
    static double sum(MeterRegistry registry, String name) {
        double total = 0;
        for (Meter meter : registry.find(name).meters()) {
            for (var measurement : meter.measure()) {
                total += measurement.getValue();
            }
        }
        return total;
    }
}
