package com.newsmell.profile.segments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.VectorText;
import com.newsmell.profile.similarity.FeatureVectorRepository;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The weekly segmentation (README "Segments"): k-means over the current vectors of the latest schema version
 * ({@link SegmentClustering}), stored as the week's segments and assignments, and copied into each profile; and reads.
 */
@ApplicationScoped
public class SegmentService {

    private static final Logger LOG = Logger.getLogger(SegmentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did. */
    public record Run(
            LocalDate week,
            Integer schemaVersion,
            int users,
            int segments,
            long clusterMs,
            long writeMs,
            int skipped) {}

    private final FeatureVectorRepository vectors;
    private final SegmentRepository segments;
    private final ProfileConfig.Segments config;

    public SegmentService(FeatureVectorRepository vectors, SegmentRepository segments, ProfileConfig config) {
        this.vectors = vectors;
        this.segments = segments;
        this.config = config.segments();
    }

    /** The week a clock belongs to: the Sunday (UTC) on or before its day. */
    public static LocalDate weekOf(Instant clock) {
        return LocalDate.ofInstant(clock, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    /** The users and raw vectors of one schema version, in the order read. */
    private static final class Read {
        final List<String> ids = new ArrayList<>();
        final List<double[]> vectors = new ArrayList<>();
        int skipped;
        int version;
    }

    /**
     * Segments the users with a vector of the latest schema version as of the week of {@code clock}: replaces that
     * week's segments and assignments, deletes the weeks older than {@code keep-weeks}, and gives every profile its
     * segment of the latest week (none when that segmentation did not include it). Call it on a Vert.x context.
     */
    public Uni<Run> run(Instant clock) {
        LocalDate week = weekOf(clock);
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return Panache.withSession(() -> vectors.latestVersion()
                            .chain(version -> version == null
                                    ? Uni.createFrom().item(() -> (Read) null)
                                    : read(version, null, new Read()).map(r -> {
                                        r.version = version;
                                        return r;
                                    })))
                    .chain(read -> {
                        if (read == null) {
                            LOG.infof("segments of week %s: no vectors", week);
                            return Uni.createFrom().item(new Run(week, null, 0, 0, 0, 0, 0));
                        }
                        int version = read.version;
                        long started = System.nanoTime();
                        return offContext(context, () -> cluster(read)).chain(sorted -> {
                            long clusterMs = (System.nanoTime() - started) / 1_000_000;
                            long writing = System.nanoTime();
                            return write(week, version, sorted, clock).map(n -> {
                                long writeMs = (System.nanoTime() - writing) / 1_000_000;
                                LOG.infof(
                                        "segments of week %s: %d users of schema version %d in %d segments,"
                                                + " k-means %d ms, writes %d ms, %d vectors not used",
                                        week,
                                        sorted.ids.size(),
                                        version,
                                        sorted.result.segments().size(),
                                        clusterMs,
                                        writeMs,
                                        read.skipped);
                                return new Run(
                                        week,
                                        version,
                                        sorted.ids.size(),
                                        sorted.result.segments().size(),
                                        clusterMs,
                                        writeMs,
                                        read.skipped);
                            });
                        });
                    });
        });
    }

    /** The users in userId order and their segmentation. */
    private record Clustered(List<String> ids, SegmentClustering.Result result) {}

    private Clustered cluster(Read read) {
        Integer[] order = new Integer[read.ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> read.ids.get(x).compareTo(read.ids.get(y)));
        List<String> ids = new ArrayList<>(order.length);
        List<double[]> sorted = new ArrayList<>(order.length);
        for (int i : order) {
            ids.add(read.ids.get(i));
            sorted.add(read.vectors.get(i));
        }
        SegmentClustering.Settings settings = new SegmentClustering.Settings(
                config.k(), config.maxIterations(), config.seed(), config.distinctiveFeatures(), config.trials());
        return new Clustered(ids, SegmentClustering.cluster(sorted, settings, FeatureNames.of(read.version)));
    }

    private Uni<Read> read(int version, String after, Read read) {
        return vectors.page(after, version, config.readChunk()).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(read);
            }
            for (FeatureVectorRepository.VectorRow row : rows) {
                try {
                    double[] vector = VectorText.read(row.vector());
                    if (!read.vectors.isEmpty() && vector.length != read.vectors.get(0).length) {
                        throw new IllegalArgumentException(
                                vector.length + " numbers among vectors of " + read.vectors.get(0).length);
                    }
                    read.ids.add(row.userId());
                    read.vectors.add(vector);
                } catch (IllegalArgumentException e) {
                    read.skipped++;
                    LOG.warnf("a user's vector not segmented (the userId is not logged), %s", e.getMessage());
                }
            }
            return read(version, rows.get(rows.size() - 1).userId(), read);
        });
    }

    private Uni<Integer> write(LocalDate week, int version, Clustered clustered, Instant computedAt) {
        List<SegmentClustering.Segment> list = clustered.result().segments();
        ArrayNode segmentRows = JsonNodeFactory.instance.arrayNode();
        for (SegmentClustering.Segment s : list) {
            segmentRows
                    .addObject()
                    .put("id", segmentId(week, s.number()))
                    .put("week", week.toString())
                    .put("number", s.number())
                    .put("version", version)
                    .put("size", s.size())
                    .put("centroid", VectorText.write(s.centroid()))
                    .put("features", features(s.distinctiveFeatures()).toString());
        }
        int chunk = Math.max(1, config.writeChunk());
        List<String> assignmentChunks = new ArrayList<>();
        List<List<String>> profileUsers = new ArrayList<>();
        List<String> profileRows = new ArrayList<>();
        int[] assignment = clustered.result().assignment();
        for (int from = 0; from < assignment.length; from += chunk) {
            int to = Math.min(assignment.length, from + chunk);
            ArrayNode bySegment = JsonNodeFactory.instance.arrayNode();
            ArrayNode[] users = new ArrayNode[list.size() + 1];
            ArrayNode pairs = JsonNodeFactory.instance.arrayNode();
            List<String> ids = clustered.ids().subList(from, to);
            for (int i = from; i < to; i++) {
                int number = assignment[i];
                if (users[number] == null) {
                    users[number] = bySegment
                            .addObject()
                            .put("s", segmentId(week, number))
                            .putArray("u");
                }
                users[number].add(clustered.ids().get(i));
                pairs.addObject().put("u", clustered.ids().get(i)).put("s", segmentId(week, number));
            }
            assignmentChunks.add(bySegment.toString());
            profileUsers.add(ids);
            profileRows.add(pairs.toString());
        }
        LocalDate firstKept = week.minusWeeks(Math.max(1, config.keepWeeks()) - 1L);
        return Panache.withTransaction(() -> segments.deleteWeek(week)
                        .chain(() -> segments.insertSegments(segmentRows.toString(), computedAt))
                        .chain(() -> insertAll(week, assignmentChunks, 0))
                        .chain(() -> segments.deleteBefore(firstKept)))
                .chain(() -> Panache.withSession(segments::latestWeek))
                .chain(latest -> {
                    if (!week.equals(latest)) {
                        return Uni.createFrom().item(0); // a re-run of an older week leaves the profiles alone
                    }
                    return updateProfiles(week, profileUsers, profileRows, 0)
                            .call(() -> Panache.withTransaction(() -> segments.clearProfilesBefore(week)));
                });
    }

    private Uni<Integer> insertAll(LocalDate week, List<String> chunks, int index) {
        if (index == chunks.size()) {
            return Uni.createFrom().item(0);
        }
        return segments.insertAssignments(week, chunks.get(index))
                .chain(n -> insertAll(week, chunks, index + 1).map(rest -> n + rest));
    }

    /** A chunk of profiles per transaction (locked in the profile job's order). */
    private Uni<Integer> updateProfiles(LocalDate week, List<List<String>> users, List<String> rows, int index) {
        if (index == users.size()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> segments.updateProfiles(week, users.get(index), rows.get(index)))
                .chain(n -> updateProfiles(week, users, rows, index + 1).map(rest -> n + rest));
    }

    static String segmentId(LocalDate week, int number) {
        return week + "-" + number;
    }

    private static ArrayNode features(List<SegmentClustering.DistinctiveFeature> features) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (SegmentClustering.DistinctiveFeature f : features) {
            ObjectNode o = out.addObject().put("index", f.index());
            if (f.name() != null) {
                o.put("name", f.name());
            }
            o.put("segmentMean", f.segmentMean())
                    .put("populationMean", f.populationMean())
                    .put("difference", f.difference())
                    .put("standardDifference", f.standardDifference());
        }
        return out;
    }

    /** The latest week's segments (none before the first run). */
    public Uni<List<SegmentView>> latest() {
        return Panache.withSession(() -> segments.latestWeek()
                        .chain(week -> week == null
                                ? Uni.createFrom().item(List.<SegmentRepository.StoredSegment>of())
                                : segments.week(week)))
                .map(stored -> {
                    long total = stored.stream()
                            .mapToLong(SegmentRepository.StoredSegment::size)
                            .sum();
                    return stored.stream().map(s -> view(s, total)).toList();
                });
    }

    /**
     * These segments as GET /v1/segments shows them (their share of their own week), by id; those no longer kept are
     * left out. One statement whatever the number (the GraphQL subgraph's batches).
     */
    public Uni<Map<String, SegmentView>> byIds(List<String> segmentIds) {
        return Panache.withSession(() -> segments.segments(segmentIds)).map(rows -> {
            Map<String, SegmentView> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.segment().segmentId(), view(r.segment(), r.weekTotal())));
            return byId;
        });
    }

    /** One page of a segment's users after {@code afterUserId}; 404 for a segment that does not exist (any more). */
    public Uni<List<String>> users(String segmentId, String afterUserId, int limit) {
        return Panache.withSession(() -> segments.segment(segmentId).chain(s -> {
            if (s == null) {
                return Uni.createFrom().<List<String>>failure(notFound(segmentId));
            }
            return segments.users(segmentId, afterUserId, limit);
        }));
    }

    /** The week a segment id names (404 when it names none). */
    public static LocalDate weekOfId(String segmentId) {
        try {
            return LocalDate.parse(segmentId.substring(0, 10));
        } catch (RuntimeException e) {
            throw notFound(segmentId);
        }
    }

    public static ProblemException notFound(String segmentId) {
        return new ProblemException(Problem.of(
                404,
                "segment-not-found",
                "Segment not found",
                "No segment " + segmentId + " (segments are kept for a number of weeks, see GET /v1/segments)."));
    }

    private static SegmentView view(SegmentRepository.StoredSegment s, long total) {
        List<Double> centroid =
                Arrays.stream(VectorText.read(s.centroid())).boxed().toList();
        List<SegmentView.Feature> features = new ArrayList<>();
        try {
            for (JsonNode f : JSON.readTree(s.distinctiveFeatures())) {
                features.add(new SegmentView.Feature(
                        f.path("index").asInt(),
                        f.hasNonNull("name") ? f.get("name").asText() : null,
                        f.path("segmentMean").asDouble(),
                        f.path("populationMean").asDouble(),
                        f.path("difference").asDouble(),
                        f.path("standardDifference").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double share = total == 0 ? 0 : Math.round(s.size() * 10_000d / total) / 10_000d;
        return new SegmentView(
                s.segmentId(),
                s.week(),
                s.number(),
                s.schemaVersion(),
                s.size(),
                share,
                centroid,
                features,
                s.computedAt());
    }

    /** Runs CPU work on a worker thread and comes back to the caller's Vert.x context (if any) with its result. */
    private static <T> Uni<T> offContext(Context context, Supplier<T> work) {
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context == null) {
            return uni;
        }
        return uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
