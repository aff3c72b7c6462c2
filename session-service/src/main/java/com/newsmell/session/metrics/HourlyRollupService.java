package com.newsmell.session.metrics;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * The hourly rollups: for every hour a re-fold touched (rollup_dirty_hour), recomputes the unique users of that
 * hour and of its day, and the search popularity and outcomes of that hour, from the session and search rows.
 */
@ApplicationScoped
public class HourlyRollupService {

    static final int BATCH = 200;

    private final RollupRepository rollups;

    public HourlyRollupService(RollupRepository rollups) {
        this.rollups = rollups;
    }

    /** Recomputes one batch of dirty hours; returns how many hours it did. */
    @WithTransaction
    public Uni<Integer> rollupBatch() {
        return rollups.dirtyHours(BATCH).chain(dirty -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RollupRepository.DirtyHour hour : dirty) {
                chain = chain.chain(() -> rollups.recomputeHour(hour.hour())).chain(() -> rollups.forget(hour));
            }
            for (Instant day : days(dirty)) {
                chain = chain.chain(() -> rollups.recomputeDay(day));
            }
            return chain.replaceWith(dirty.size());
        });
    }

    private static TreeSet<Instant> days(List<RollupRepository.DirtyHour> hours) {
        TreeSet<Instant> days = new TreeSet<>();
        hours.forEach(h -> days.add(h.hour().truncatedTo(ChronoUnit.DAYS)));
        return days;
    }
}
