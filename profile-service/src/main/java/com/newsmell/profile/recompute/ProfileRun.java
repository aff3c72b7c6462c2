package com.newsmell.profile.recompute;

import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.PointInTime;
import com.newsmell.profile.features.store.FeatureSchemaService;
import com.newsmell.profile.features.store.FeatureStoreService;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobOutcome;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One run of the profile job, incremental or full (README "The daily job"): mark the users to recompute (incremental:
 * those whose window or history lost days, on top of the marks the consumers made; full: every user), recompute the
 * marked users chunk by chunk in userId order (streamed: one chunk in memory at a time), then compute the feature
 * vectors of the users whose profile changed (every user's when the schema version changed; ADR 0021) the same way,
 * keep the snapshots' retention, and drop the rollup days that no profile reads any more.
 */
@ApplicationScoped
public class ProfileRun {

    private static final Logger LOG = Logger.getLogger(ProfileRun.class);

    private final RecomputeService recompute;
    private final VectorService vectors;
    private final FeatureSchemaService schemas;
    private final FeatureStoreService store;
    private final int chunkSize;
    private final List<Context> lanes;

    public ProfileRun(
            RecomputeService recompute,
            VectorService vectors,
            FeatureSchemaService schemas,
            FeatureStoreService store,
            ProfileConfig config,
            Vertx vertx) {
        this.recompute = recompute;
        this.vectors = vectors;
        this.schemas = schemas;
        this.store = store;
        this.chunkSize = Math.max(1, config.job().chunkSize());
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.job().parallelism()); i++) {
            contexts.add(((VertxInternal) vertx).createEventLoopContext());
        }
        this.lanes = List.copyOf(contexts);
    }

    public Uni<JobOutcome> run(JobContext context, boolean full) {
        long started = System.nanoTime();
        ProfileWindow window = ProfileWindow.of(context.clock(), recompute.rules());
        String computedBy = "job-run:" + context.runId();
        InputRepository.CatalogCache catalog = new InputRepository.CatalogCache();
        return recompute
                .mark(window, full)
                .chain(marked -> drain(null, 0, marked, full, window, computedBy, catalog, context)
                        .chain(done -> {
                            long profileStageMs = (System.nanoTime() - started) / 1_000_000;
                            return features(window, catalog, context, started).chain(features -> {
                                long featureStageMs = (System.nanoTime() - started) / 1_000_000 - profileStageMs;
                                return recompute.prune(window).map(pruned -> {
                                    LOG.infof(
                                            "%s profile run as of %s: %d to recompute, %d recomputed, %d rollup rows"
                                                    + " dropped; feature schema version %d: %d vectors computed, %d"
                                                    + " snapshots written, %d dropped",
                                            full ? "full" : "incremental",
                                            window.asOf(),
                                            marked,
                                            done,
                                            pruned,
                                            features.version(),
                                            features.vectors(),
                                            features.snapshots(),
                                            features.snapshotsDropped());
                                    return new JobOutcome(
                                            done,
                                            window.asOf(),
                                            Map.ofEntries(
                                                    Map.entry(
                                                            "windowStart",
                                                            window.windowStart().toString()),
                                                    Map.entry(
                                                            "historyStart",
                                                            window.historyStart()
                                                                    .toString()),
                                                    Map.entry("pending", marked),
                                                    Map.entry("rollupRowsDropped", pruned),
                                                    Map.entry("profileStageMs", profileStageMs),
                                                    Map.entry(
                                                            "featureStageMs",
                                                            (System.nanoTime() - started) / 1_000_000 - profileStageMs),
                                                    Map.entry("featureSchemaVersion", features.version()),
                                                    Map.entry("featureVectors", features.vectors()),
                                                    Map.entry("featureSnapshots", features.snapshots()),
                                                    Map.entry("featureSnapshotsDropped", features.snapshotsDropped()),
                                                    Map.entry(
                                                            "featureRetentionHorizon",
                                                            features.horizon().toString())));
                                });
                            });
                        }));
    }

    /** What the feature stage did. */
    record FeatureStage(int version, long vectors, long snapshots, int snapshotsDropped, java.time.LocalDate horizon) {}

    /**
     * The feature stage (ADR 0021): the run's schema version (made when there is none, or for a new layout), the
     * vectors of every user whose vector is stale (their profile was recomputed since, or the version changed), chunk
     * by chunk on the lanes, then the snapshots' retention.
     */
    private Uni<FeatureStage> features(
            ProfileWindow window, InputRepository.CatalogCache catalog, JobContext context, long started) {
        java.util.function.Supplier<Instant> computedAt =
                () -> PointInTime.computedAt(context.clock(), Duration.ofNanos(System.nanoTime() - started));
        return schemas.forRun()
                .chain(schema -> drainVectors(null, new long[2], schema, window, catalog, computedAt)
                        .chain(written -> schemas.computedThrough(schema.version(), window.day())
                                .chain(ignored -> store.prune(window.day(), schema.version()))
                                .map(pruned -> new FeatureStage(
                                        schema.version(),
                                        written[0],
                                        written[1],
                                        pruned.snapshotsDropped(),
                                        pruned.horizon()))));
    }

    private Uni<long[]> drainVectors(
            String after,
            long[] written,
            FeatureSchema schema,
            ProfileWindow window,
            InputRepository.CatalogCache catalog,
            java.util.function.Supplier<Instant> computedAt) {
        return store.staleAfter(after, chunkSize * lanes.size(), schema.version())
                .chain(users -> {
                    if (users.isEmpty()) {
                        return Uni.createFrom().item(written);
                    }
                    List<Uni<VectorService.Written>> inFlight = new ArrayList<>();
                    for (int from = 0, lane = 0; from < users.size(); from += chunkSize, lane++) {
                        List<String> chunk = users.subList(from, Math.min(users.size(), from + chunkSize));
                        inFlight.add(onLane(
                                lanes.get(lane), () -> vectors.compute(chunk, schema, window, catalog, computedAt)));
                    }
                    return Uni.join().all(inFlight).andFailFast().chain(done -> {
                        for (VectorService.Written w : done) {
                            written[0] += w.vectors();
                            written[1] += w.snapshots();
                        }
                        return drainVectors(users.get(users.size() - 1), written, schema, window, catalog, computedAt);
                    });
                });
    }

    /**
     * Runs the work on a lane: a duplicated context of an event loop of its own, so that the chunks in flight each have
     * their own Hibernate Reactive session and transaction (they lock disjoint users) and compute on their own thread.
     */
    private static <T> Uni<T> onLane(Context lane, Supplier<Uni<T>> work) {
        Context own = VertxContext.createNewDuplicatedContext(lane);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom()
                .emitter(emitter -> own.runOnContext(ignored ->
                        Uni.createFrom().deferred(work::get).subscribe().with(emitter::complete, emitter::fail)));
    }

    private Uni<Long> drain(
            String after,
            long done,
            long total,
            boolean full,
            ProfileWindow window,
            String computedBy,
            InputRepository.CatalogCache catalog,
            JobContext context) {
        return recompute.nextChunk(after, chunkSize * lanes.size(), full).chain(users -> {
            if (users.isEmpty()) {
                return Uni.createFrom().item(done);
            }
            List<Uni<Integer>> inFlight = new ArrayList<>();
            for (int from = 0, lane = 0; from < users.size(); from += chunkSize, lane++) {
                List<String> chunk = users.subList(from, Math.min(users.size(), from + chunkSize));
                inFlight.add(onLane(lanes.get(lane), () -> recompute.recompute(chunk, window, computedBy, catalog)));
            }
            return Uni.join()
                    .all(inFlight)
                    .andFailFast()
                    .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                    .call(n -> context.progress(done + n, Math.max(total, done + n)))
                    .chain(n -> drain(
                            users.get(users.size() - 1), done + n, total, full, window, computedBy, catalog, context));
        });
    }
}
