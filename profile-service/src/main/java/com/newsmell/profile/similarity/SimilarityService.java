package com.newsmell.profile.similarity;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.VectorText;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The seed's {@code calculateUserSimilarity} (README "Similarity", ADR 0022): the similarity of two users' feature
 * vectors on demand, and every user's most similar users, precomputed by {@link #recomputeAll} (the similar-users job,
 * and the stage after the vectors in the daily job) and read from {@code user_similar}.
 */
@ApplicationScoped
public class SimilarityService {

    private static final Logger LOG = Logger.getLogger(SimilarityService.class);

    /** Reports a run's progress: users written so far, of how many. */
    @FunctionalInterface
    public interface Progress {
        Uni<Void> report(long done, long total);

        Progress NONE = (done, total) -> Uni.createFrom().voidItem();
    }

    /** What a precompute did: users ranked per schema version, rows written, and the time the search and writes took. */
    public record Run(
            LocalDate asOf, Map<Integer, Integer> usersByVersion, long users, long rows, long searchMs, long writeMs) {}

    /** The answer of {@code GET /v1/profiles/{userId}/similarity/{otherUserId}}. */
    public record Pair(String userId, String otherUserId, double similarity, int schemaVersion, LocalDate asOf) {}

    /** One page of a user's ranked similar users, with the version and as-of of the run that ranked them. */
    public record Ranking(
            Integer schemaVersion, LocalDate asOf, List<SimilarUsersRepository.Ranked> items, String nextCursor) {}

    private final FeatureVectorRepository vectors;
    private final SimilarUsersRepository similar;
    private final ProfileConfig.Similarity config;

    public SimilarityService(FeatureVectorRepository vectors, SimilarUsersRepository similar, ProfileConfig config) {
        this.vectors = vectors;
        this.similar = similar;
        this.config = config.similarity();
    }

    /** The most neighbours kept per user ({@code newsmell.profile.similarity.top}). */
    public int top() {
        return config.top();
    }

    /**
     * Recomputes every user's most similar users as of {@code asOf} (the day of the run's clock, UTC): reads every
     * vector, ranks each schema version's users among themselves by exact brute force ({@link ExactNeighbours}, on
     * threads of its own, off the event loop), then replaces each user's rows, {@code write-chunk} users per
     * transaction, and removes the rows of users whose vector is gone or changed version. Call it on a Vert.x context
     * (a job's run, a request).
     */
    public Uni<Run> recomputeAll(LocalDate asOf) {
        return recomputeAll(asOf, Progress.NONE);
    }

    public Uni<Run> recomputeAll(LocalDate asOf, Progress progress) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return Panache.withSession(() -> readAll(null, new TreeMap<>())).chain(builders -> {
                Map<Integer, Integer> usersByVersion = new TreeMap<>();
                long total = 0;
                for (Map.Entry<Integer, UnitVectors.Builder> e : builders.entrySet()) {
                    usersByVersion.put(e.getKey(), e.getValue().size());
                    total += e.getValue().size();
                }
                return rankAndWrite(
                                new ArrayList<>(builders.entrySet()), 0, asOf, context, progress, total, new Tally())
                        .chain(t -> Panache.withTransaction(similar::removeStale)
                                .map(stale -> {
                                    LOG.infof(
                                            "similar users as of %s: %d users %s, %d rows, search %d ms,"
                                                    + " writes %d ms, %d stale rows removed",
                                            asOf, t.users, usersByVersion, t.rows, t.searchMs, t.writeMs, stale);
                                    return new Run(asOf, usersByVersion, t.users, t.rows, t.searchMs, t.writeMs);
                                }));
            });
        });
    }

    /** Reads every vector, page by page, into one builder per schema version. */
    private Uni<Map<Integer, UnitVectors.Builder>> readAll(String after, Map<Integer, UnitVectors.Builder> builders) {
        return vectors.page(after, null, config.readChunk()).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(builders);
            }
            for (FeatureVectorRepository.VectorRow row : rows) {
                double[] vector;
                try {
                    vector = VectorText.read(row.vector());
                } catch (IllegalArgumentException e) {
                    LOG.warnf("a user's vector not used (the userId is not logged), %s", e.getMessage());
                    continue;
                }
                UnitVectors.Builder builder =
                        builders.computeIfAbsent(row.schemaVersion(), v -> new UnitVectors.Builder(rows.size()));
                try {
                    builder.add(row.userId(), vector);
                } catch (IllegalArgumentException e) {
                    LOG.warnf("a user's vector not used (the userId is not logged), %s", e.getMessage());
                }
            }
            return readAll(rows.get(rows.size() - 1).userId(), builders);
        });
    }

    /** What a run has done so far. */
    private static final class Tally {
        long users;
        long rows;
        long searchMs;
        long writeMs;
    }

    /** Ranks one schema version's users and writes them, then goes on with the next version. */
    private Uni<Tally> rankAndWrite(
            List<Map.Entry<Integer, UnitVectors.Builder>> versions,
            int index,
            LocalDate asOf,
            Context context,
            Progress progress,
            long total,
            Tally tally) {
        if (index == versions.size()) {
            return Uni.createFrom().item(tally);
        }
        int version = versions.get(index).getKey();
        UnitVectors.Builder builder = versions.get(index).getValue();
        versions.set(index, Map.entry(version, new UnitVectors.Builder(0))); // the unit rows go once tiled
        return offContext(context, () -> {
                    long started = System.nanoTime();
                    Neighbours neighbours = ExactNeighbours.topK(builder.build(), config.top(), config.threads());
                    tally.searchMs += (System.nanoTime() - started) / 1_000_000;
                    return neighbours;
                })
                .chain(neighbours -> {
                    long started = System.nanoTime();
                    return write(neighbours, version, asOf, 0, tally.users, total, progress)
                            .map(rows -> {
                                tally.rows += rows;
                                tally.users += neighbours.queries();
                                tally.writeMs += (System.nanoTime() - started) / 1_000_000;
                                return tally;
                            });
                })
                .chain(t -> rankAndWrite(versions, index + 1, asOf, context, progress, total, t));
    }

    /** Writes the neighbours of the users from {@code from} on, a chunk per transaction. Returns the rows written. */
    private Uni<Long> write(
            Neighbours neighbours, int version, LocalDate asOf, int from, long before, long total, Progress progress) {
        if (from >= neighbours.queries()) {
            return Uni.createFrom().item(0L);
        }
        int to = Math.min(neighbours.queries(), from + Math.max(1, config.writeChunk()));
        NeighbourRows.Chunk chunk = NeighbourRows.of(neighbours, from, to, version, asOf);
        long written = chunk.rows();
        return Panache.withTransaction(() -> similar.replace(chunk.users(), chunk.json()))
                .call(() -> progress.report(before + to, total))
                .chain(() -> write(neighbours, version, asOf, to, before, total, progress))
                .map(rest -> written + rest);
    }

    /** Runs CPU work on a worker thread and comes back to the caller's Vert.x context (if any) with its result. */
    private static <T> Uni<T> offContext(Context context, Supplier<T> work) {
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context == null) {
            return uni;
        }
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /**
     * The similarity of two users' current vectors (4 decimals, as the ranking computes it); {@code asOf} is the older
     * of the two vectors' as-of days. 404 when either has no vector; 409 when their schema versions differ.
     */
    public Uni<Pair> pair(String userId, String otherUserId) {
        return Panache.withSession(() -> vectors.of(List.of(userId, otherUserId)))
                .map(rows -> {
                    FeatureVectorRepository.VectorRow a = find(rows, userId);
                    FeatureVectorRepository.VectorRow b = find(rows, otherUserId);
                    if (a == null) {
                        throw noVector(userId);
                    }
                    if (b == null) {
                        throw noVector(otherUserId);
                    }
                    double[] x = VectorText.read(a.vector());
                    double[] y = VectorText.read(b.vector());
                    if (a.schemaVersion() != b.schemaVersion() || x.length != y.length) {
                        throw new ProblemException(Problem.of(
                                409,
                                "vectors-not-comparable",
                                "Vectors not comparable",
                                "The feature vectors of " + userId + " (schema version " + a.schemaVersion() + ", "
                                        + x.length + " features) and " + otherUserId + " (schema version "
                                        + b.schemaVersion() + ", " + y.length
                                        + " features) are of different schema versions"
                                        + " and are never compared; ask again after the next vector run."));
                    }
                    LocalDate asOf = a.asOf().isBefore(b.asOf()) ? a.asOf() : b.asOf();
                    return new Pair(userId, otherUserId, UnitVectors.similarity(x, y), a.schemaVersion(), asOf);
                });
    }

    /**
     * One page of the user's precomputed most similar users: {@code limit} from {@code offset}. 404 when the user has
     * no vector; a user with a vector the last run did not rank yet (or the only one of their schema version) has an
     * empty list.
     */
    public Uni<Ranking> similar(String userId, int offset, int limit) {
        return similar(List.of(userId), offset, limit).map(rankings -> {
            if (rankings.get(0) == null) {
                throw noVector(userId);
            }
            return rankings.get(0);
        });
    }

    /**
     * The same page of each of these users' most similar users, in the users' order, null for a user without a vector
     * (GET /v1/profiles/{userId}/similar and the GraphQL User's similarUsers, batched): two statements for any number
     * of users (their vectors, then their ranks).
     */
    public Uni<List<Ranking>> similar(List<String> userIds, int offset, int limit) {
        return Panache.withSession(() -> vectors.of(userIds).chain(own -> {
            Map<String, FeatureVectorRepository.VectorRow> vectorOf = new HashMap<>();
            own.forEach(row -> vectorOf.put(row.userId(), row));
            return similar.ranked(List.copyOf(vectorOf.keySet()), offset, limit + 1)
                    .map(ranked -> userIds.stream()
                            .map(u -> vectorOf.containsKey(u)
                                    ? ranking(vectorOf.get(u), ranked.getOrDefault(u, List.of()), offset, limit)
                                    : null)
                            .toList());
        }));
    }

    /** A page of {@code limit} of the rows read (at most limit + 1: one more says there is a next page). */
    private static Ranking ranking(
            FeatureVectorRepository.VectorRow own, List<SimilarUsersRepository.Ranked> rows, int offset, int limit) {
        List<SimilarUsersRepository.Ranked> items = rows.stream().limit(limit).toList();
        if (items.isEmpty()) {
            return new Ranking(own.schemaVersion(), null, items, null);
        }
        String next = rows.size() > limit ? Paging.offsetCursor(offset + limit) : null;
        return new Ranking(items.get(0).schemaVersion(), items.get(0).asOf(), items, next);
    }

    private static FeatureVectorRepository.VectorRow find(List<FeatureVectorRepository.VectorRow> rows, String user) {
        return rows.stream().filter(r -> r.userId().equals(user)).findFirst().orElse(null);
    }

    /** The 404 for a user without a feature vector (unknown, or not computed yet). */
    public static ProblemException noVector(String userId) {
        return new ProblemException(Problem.of(
                404,
                "vector-not-found",
                "Feature vector not found",
                "No feature vector for user " + userId + " (unknown user, or not computed yet)."));
    }
}
