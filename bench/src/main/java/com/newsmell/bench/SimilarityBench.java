package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.fmt;
import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.profile.segments.AdjustedRandIndex;
import com.newsmell.profile.segments.FeatureNames;
import com.newsmell.profile.segments.SegmentClustering;
import com.newsmell.profile.similarity.ExactNeighbours;
import com.newsmell.profile.similarity.Neighbours;
import com.newsmell.profile.similarity.UnitVectors;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The similarity and segmentation benchmark (issue #12, bench/README.md "The similarity benchmark"), in-process: no
 * service, broker or database. It generates clustered synthetic feature vectors (non-negative, {@code --dim} long) for
 * {@code --users} users and measures, on the same vectors:
 *
 * <ol>
 *   <li>exact brute force (profile-service's {@link ExactNeighbours}, the code the service runs): one query's top
 *       {@code --k}, p50/p99 over {@code --queries} sampled users; and the nightly precompute, every user's top
 *       {@code --top}, with {@code --threads} threads (all users, or {@code --precompute-sample} of them and
 *       extrapolated);
 *   <li>a Lucene HNSW index ({@code lucene-core}, {@link KnnFloatVectorField} with {@code DOT_PRODUCT} on the unit
 *       vectors in a {@link ByteBuffersDirectory}, {@link KnnFloatVectorQuery}): build time, query p50/p99,
 *       recall@k and recall@top against the exact answers, and the same nightly precompute;
 *   <li>the weekly segmentation (profile-service's {@link SegmentClustering}: commons-math3 k-means++) with
 *       {@code --segments} segments, its time and its adjusted Rand index against the planted clusters;
 *   <li>the heap: the most used (sampled every 20 ms) and what stays live after a full GC, per stage.
 * </ol>
 *
 * <p>Usage: {@code SimilarityBench [--users N] [--dim D] [--clusters C] [--queries Q] [--k K] [--top T] [--threads
 * T] [--precompute-sample S] [--hnsw-m M] [--hnsw-beam B] [--ef E] [--segments K] [--iterations I] [--trials T]
 * [--seed S]}.
 */
public final class SimilarityBench {

    static final String USAGE = """
            Usage: SimilarityBench [options]
              --users N              users (vectors)                                       default 100000
              --dim D                features per vector                                   default 110
              --clusters C           planted behaviour clusters                            default 8
              --queries Q            sampled query users for latency and recall            default 1000
              --k K                  neighbours of a latency/recall query                  default 10
              --top T                neighbours per user of the nightly precompute         default 50
              --threads T            threads of the nightly precompute (both ways)         default 2
              --precompute-sample S  0: precompute every user; else S users, extrapolated  default 0
              --hnsw-m M             HNSW max connections                                  default 16
              --hnsw-beam B          HNSW beam width at build                              default 100
              --ef E                 candidates a HNSW query collects (0: k + 1)           default 0
              --segments K           k of the k-means segmentation                         default 8
              --iterations I         k-means max iterations                                default 100
              --trials T             k-means++ starts, the best kept (the service's 5)     default 5
              --write 0|1            1: write the exact ranking into user_similar (embedded
                                     PostgreSQL) as the service does, and time it         default 1
              --write-chunk C        users per transaction when writing (the service's)    default 1000
              --seed S               data and k-means seed                                 default 42
            """;

    private static final String FIELD = "v";

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HeapSampler heap = new HeapSampler();
        heap.start();
        Machine machine = Machine.describeLocal();
        log(
                "similarity benchmark: %d users × %d features, %d planted clusters; %s",
                o.users, o.dim, o.clusters, machine.oneLineLocal());

        // ---------------------------------------------------------------- data
        long t0 = System.nanoTime();
        Data data = Data.generate(o);
        UnitVectors vectors = UnitVectors.of(data.userIds, data.vectors);
        int[] planted = data.plantedInUserOrder(vectors.userIds());
        data = null; // the raw vectors are regenerated for the segmentation
        log("generated in %.1f s", (System.nanoTime() - t0) / 1e9);
        int[] sample = sample(o.queries, vectors.size(), o.seed);
        List<String> rows = new ArrayList<>();

        // ---------------------------------------------------------------- exact: one query
        heap.phase("exact");
        for (int i = 0; i < Math.min(200, sample.length); i++) { // warm-up
            ExactNeighbours.query(vectors, row(vectors, sample[i]), o.k, sample[i]);
        }
        long[] exactNanos = new long[sample.length];
        int[][] exactTopK = new int[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            long s = System.nanoTime();
            Neighbours.Row r = ExactNeighbours.query(vectors, row(vectors, sample[i]), o.k, sample[i]);
            exactNanos[i] = System.nanoTime() - s;
            exactTopK[i] = r.neighbours();
        }
        int[][] exactTop = new int[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            exactTop[i] = ExactNeighbours.query(vectors, row(vectors, sample[i]), o.top, sample[i])
                    .neighbours();
        }
        log("exact query top-%d: p50 %.2f ms, p99 %.2f ms", o.k, pct(exactNanos, 50), pct(exactNanos, 99));

        // ---------------------------------------------------------------- exact: the nightly precompute
        int precomputeUsers = o.precomputeSample == 0 ? vectors.size() : Math.min(o.precomputeSample, vectors.size());
        ExactNeighbours.topK(vectors, o.top, o.threads, 0, Math.min(vectors.size(), 2_000)); // warm-up
        long s = System.nanoTime();
        long c = cpu();
        Neighbours all = ExactNeighbours.topK(vectors, o.top, o.threads, 0, precomputeUsers);
        double exactSeconds = (System.nanoTime() - s) / 1e9;
        double exactCpu = (cpu() - c) / 1e9 * vectors.size() / precomputeUsers;
        double exactTotal = exactSeconds * vectors.size() / precomputeUsers;
        String exactHow = precomputeUsers == vectors.size()
                ? "measured, all " + fmt("%,d", vectors.size()) + " users"
                : fmt(
                        "extrapolated from %,d users (%.1f s) × %,d / %,d",
                        precomputeUsers, exactSeconds, vectors.size(), precomputeUsers);
        log("exact precompute top-%d: %.1f s (%s)", o.top, exactTotal, exactHow);
        checkSelfExcluded(all);
        HeapSampler.Phase exactHeap = heap.endPhase(all);
        Neighbours ranked = o.write ? all : null;
        all = null;

        // ---------------------------------------------------------------- Lucene HNSW
        heap.phase("HNSW");
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        s = System.nanoTime();
        c = cpu();
        IndexSearcher searcher = build(directory, vectors, o);
        double buildSeconds = (System.nanoTime() - s) / 1e9;
        double buildCpu = (cpu() - c) / 1e9;
        log("HNSW index built in %.1f s (M=%d, beam %d)", buildSeconds, o.hnswM, o.hnswBeam);

        int ef = Math.max(o.k + 1, o.ef);
        for (int i = 0; i < Math.min(200, sample.length); i++) {
            hnsw(searcher, vectors, sample[i], o.k, ef);
        }
        long[] hnswNanos = new long[sample.length];
        double recallK = 0;
        for (int i = 0; i < sample.length; i++) {
            long q = System.nanoTime();
            int[] got = hnsw(searcher, vectors, sample[i], o.k, ef);
            hnswNanos[i] = System.nanoTime() - q;
            recallK += recall(exactTopK[i], got);
        }
        recallK /= sample.length;
        int efTop = Math.max(o.top + 1, o.ef);
        double recallTop = 0;
        for (int i = 0; i < sample.length; i++) {
            recallTop += recall(exactTop[i], hnsw(searcher, vectors, sample[i], o.top, efTop));
        }
        recallTop /= sample.length;
        log(
                "HNSW query top-%d (ef %d): p50 %.2f ms, p99 %.2f ms, recall@%d %.4f; recall@%d %.4f",
                o.k, ef, pct(hnswNanos, 50), pct(hnswNanos, 99), o.k, recallK, o.top, recallTop);

        s = System.nanoTime();
        c = cpu();
        long found = hnswAll(searcher, vectors, o.top, efTop, o.threads, precomputeUsers);
        double hnswQuerySeconds = (System.nanoTime() - s) / 1e9;
        double hnswCpu = buildCpu + (cpu() - c) / 1e9 * vectors.size() / precomputeUsers;
        double hnswTotal = buildSeconds + hnswQuerySeconds * vectors.size() / precomputeUsers;
        log(
                "HNSW precompute top-%d: build %.1f s + queries %.1f s%s = %.1f s (%,d neighbours)",
                o.top,
                buildSeconds,
                hnswQuerySeconds * vectors.size() / precomputeUsers,
                precomputeUsers == vectors.size() ? "" : " (extrapolated)",
                hnswTotal,
                found);
        HeapSampler.Phase hnswHeap = heap.endPhase(searcher);
        searcher.getIndexReader().close();
        directory.close();
        searcher = null;
        directory = null;

        // ---------------------------------------------------------------- k-means
        heap.phase("k-means");
        List<double[]> raw = Data.generate(o).vectorsInUserOrder(vectors.userIds());
        s = System.nanoTime();
        c = cpu();
        SegmentClustering.Result segments = SegmentClustering.cluster(
                raw,
                new SegmentClustering.Settings(o.segments, o.iterations, (int) o.seed, 5, o.trials),
                FeatureNames.NONE);
        double kmeansSeconds = (System.nanoTime() - s) / 1e9;
        double kmeansCpu = (cpu() - c) / 1e9;
        double ari = AdjustedRandIndex.of(planted, segments.assignment());
        log(
                "k-means k=%d: %.1f s, ARI against the planted clusters %.4f, sizes %s",
                o.segments,
                kmeansSeconds,
                ari,
                segments.segments().stream()
                        .map(SegmentClustering.Segment::size)
                        .toList());
        HeapSampler.Phase kmeansHeap = heap.endPhase(raw);
        raw = null;
        heap.stop();

        // ---------------------------------------------------------------- writing user_similar
        Write write = ranked == null ? null : Write.run(ranked, o);

        // ---------------------------------------------------------------- report
        String precomputeNote = precomputeUsers == vectors.size() ? "measured" : "extrapolated";
        rows.add(row(
                "Exact query top-" + o.k + " p50 / p99",
                fmt("%.2f / %.2f ms", pct(exactNanos, 50), pct(exactNanos, 99)),
                fmt("%,d sampled users, one thread, brute force over %,d", sample.length, vectors.size())));
        rows.add(row(
                "HNSW index build",
                fmt("%.1f s", buildSeconds),
                fmt(
                        "M=%d, beam %d, DOT_PRODUCT on unit"
                                + " vectors, ByteBuffersDirectory, one segment (forceMerge(1))",
                        o.hnswM, o.hnswBeam)));
        rows.add(row(
                "HNSW query top-" + o.k + " p50 / p99",
                fmt("%.2f / %.2f ms", pct(hnswNanos, 50), pct(hnswNanos, 99)),
                fmt("KnnFloatVectorQuery k=%d, one thread", ef)));
        rows.add(row(
                "HNSW recall@" + o.k + " vs exact",
                fmt("%.4f", recallK),
                "goal ≥ 0.95: " + (recallK >= 0.95 ? "holds" : "**does not hold**")));
        rows.add(row(
                "HNSW recall@" + o.top + " vs exact",
                fmt("%.4f", recallTop),
                fmt("KnnFloatVectorQuery" + " k=%d", efTop)));
        rows.add(row(
                "Nightly top-" + o.top + ", exact",
                fmt("%.1f s (%.1f min)", exactTotal, exactTotal / 60),
                fmt("%s, %d threads; %.1f CPU s", exactHow, o.threads, exactCpu)));
        rows.add(row(
                "Nightly top-" + o.top + ", HNSW",
                fmt("%.1f s (%.1f min)", hnswTotal, hnswTotal / 60),
                fmt(
                        "build %.1f s (one thread) + queries (%s, %d threads, KnnFloatVectorQuery k=%d); %.1f CPU s",
                        buildSeconds, precomputeNote, o.threads, efTop, hnswCpu)));
        if (write != null) {
            rows.add(row(
                    "Writing user_similar (the nightly replace)",
                    fmt("%.1f s (%,.0f rows/s)", write.seconds(), write.rows() / write.seconds()),
                    fmt(
                            "%,d rows of %,d users, the service's statements (SimilarUsersRepository.DELETE +"
                                    + " INSERT, NeighbourRows JSON), %d users per transaction, replacing last"
                                    + " night's rows, over JDBC into an embedded %s (local-infra's settings)",
                            write.rows(), write.users(), o.writeChunk, write.postgres())));
            double writeAll = write.seconds() * vectors.size() / write.users();
            rows.add(row(
                    "Nightly stage, exact: search + write",
                    fmt("%.1f s (%.1f min)", exactTotal + writeAll, (exactTotal + writeAll) / 60),
                    "besides reading the vectors (one indexed scan, ~90 MB of text at 100,000 users)"));
        }
        rows.add(row(
                "k-means k=" + o.segments,
                fmt("%.1f s (%.1f CPU s)", kmeansSeconds, kmeansCpu),
                fmt(
                        "commons-math3 k-means++, best of %d starts by squared error, max %d iterations, seed %d;"
                                + " ARI vs the planted clusters %.4f",
                        o.trials, o.iterations, o.seed, ari)));
        for (HeapSampler.Phase p : List.of(exactHeap, hnswHeap, kmeansHeap)) {
            rows.add(row(
                    "Heap, " + p.name() + ": max used / live after GC",
                    fmt("%d / %d MB", p.maxUsedMb(), p.liveMb()),
                    fmt("-Xmx %d MB", Runtime.getRuntime().maxMemory() >> 20)));
        }
        rows.add(row(
                "Machine",
                machine.nproc() + " CPUs, " + machine.memory(),
                machine.cpuModel() + "; load average at start " + machine.loadAverage() + "; Java " + machine.java()));

        StringBuilder out = new StringBuilder();
        out.append(fmt(
                "%n## Similarity results (%s, %,d users × %d features)%n%n",
                Instant.now().toString().substring(0, 16), vectors.size(), o.dim));
        out.append("| Measure | Value | Details |\n|---|---:|---|\n");
        rows.forEach(out::append);
        System.out.println(out);
        Path report = Path.of("target", "similarity-bench.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ writing

    /** Writes the ranking into {@code user_similar} in an embedded PostgreSQL, as the service does. */
    record Write(long rows, int users, double seconds, String postgres) {
        static Write run(Neighbours ranked, Options o) throws Exception {
            java.nio.file.Path dir = Path.of(
                            "target", "similarity-pg-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            com.newsmell.infra.PostgresServer pg = com.newsmell.infra.PostgresServer.embedded(dir, port);
            pg.start();
            try {
                pg.createDatabase("similarity");
                try (java.sql.Connection c = pg.connect("similarity")) {
                    String version;
                    try (java.sql.Statement st = c.createStatement()) {
                        // V11's table
                        // (profile-service/src/main/resources/db/migration/V11__similarity_and_segments.sql)
                        st.execute("create table user_similar (user_id text not null, rank integer not null,"
                                + " other_user_id text not null, similarity double precision not null,"
                                + " schema_version integer not null, as_of date not null,"
                                + " primary key (user_id, rank))");
                        try (java.sql.ResultSet rs = st.executeQuery("select version()")) {
                            rs.next();
                            version = rs.getString(1).replaceAll(" on .*", "");
                        }
                    }
                    c.setAutoCommit(false);
                    java.time.LocalDate asOf = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
                    String delete =
                            com.newsmell.profile.similarity.SimilarUsersRepository.DELETE.replace(":users", "?");
                    String insert = com.newsmell.profile.similarity.SimilarUsersRepository.INSERT.replace(":rows", "?");
                    long rows = 0;
                    long start = System.nanoTime();
                    // twice: the first run inserts into an empty table, the second replaces every row (the nightly
                    // case); the second is the figure
                    for (int pass = 0; pass < 2; pass++) {
                        start = System.nanoTime();
                        rows = 0;
                        for (int from = 0; from < ranked.queries(); from += o.writeChunk) {
                            int to = Math.min(ranked.queries(), from + o.writeChunk);
                            com.newsmell.profile.similarity.NeighbourRows.Chunk chunk =
                                    com.newsmell.profile.similarity.NeighbourRows.of(ranked, from, to, 1, asOf);
                            try (java.sql.PreparedStatement d = c.prepareStatement(delete);
                                    java.sql.PreparedStatement i = c.prepareStatement(insert)) {
                                d.setString(1, toJsonArray(chunk.users()));
                                d.executeUpdate();
                                i.setString(1, chunk.json());
                                rows += i.executeUpdate();
                            }
                            c.commit();
                        }
                        log(
                                "writing user_similar, pass %d: %,d rows in %.1f s",
                                pass + 1, rows, (System.nanoTime() - start) / 1e9);
                    }
                    return new Write(rows, ranked.queries(), (System.nanoTime() - start) / 1e9, version);
                }
            } finally {
                pg.stop();
                deleteTree(dir);
            }
        }

        private static void deleteTree(java.nio.file.Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                for (java.nio.file.Path p :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        private static String toJsonArray(List<String> values) {
            com.fasterxml.jackson.databind.node.ArrayNode array =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            values.forEach(array::add);
            return array.toString();
        }
    }

    // ------------------------------------------------------------------ Lucene

    private static IndexSearcher build(ByteBuffersDirectory directory, UnitVectors vectors, Options o)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setCodec(new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return new Lucene99HnswVectorsFormat(o.hnswM, o.hnswBeam);
            }
        });
        config.setRAMBufferSizeMB(256);
        config.setUseCompoundFile(false);
        // Adjacent merges only: documents keep their insertion order, so a docID is the user's index.
        config.setMergePolicy(new LogDocMergePolicy());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < vectors.size(); i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, row(vectors, i), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        if (reader.leaves().size() != 1 || reader.maxDoc() != vectors.size()) {
            throw new IllegalStateException("expected one segment of " + vectors.size() + " documents");
        }
        return new IndexSearcher(reader);
    }

    /** The user's {@code k} nearest other users by the index, collecting {@code ef} candidates. */
    private static int[] hnsw(IndexSearcher searcher, UnitVectors vectors, int user, int k, int ef) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, row(vectors, user), ef), ef);
        int[] out = new int[k];
        int n = 0;
        for (ScoreDoc d : top.scoreDocs) {
            if (d.doc != user && n < k) {
                out[n++] = d.doc;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long hnswAll(IndexSearcher searcher, UnitVectors vectors, int top, int ef, int threads, int users)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong found = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int u = next.getAndIncrement(); u < users; u = next.getAndIncrement()) {
                        found.addAndGet(hnsw(searcher, vectors, u, top, ef).length);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return found.get();
    }

    // ------------------------------------------------------------------ helpers

    /** CPU time of this JVM so far (every thread, the GC's too), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static float[] row(UnitVectors vectors, int i) {
        return vectors.row(i);
    }

    private static double recall(int[] exact, int[] got) {
        if (exact.length == 0) {
            return 1;
        }
        Set<Integer> want = new HashSet<>();
        for (int e : exact) {
            want.add(e);
        }
        int hits = 0;
        for (int g : got) {
            if (want.contains(g)) {
                hits++;
            }
        }
        return (double) hits / exact.length;
    }

    private static void checkSelfExcluded(Neighbours all) {
        for (int q = 0; q < all.queries(); q++) {
            for (int n : all.row(q).neighbours()) {
                if (n == all.from() + q) {
                    throw new IllegalStateException("user " + q + " is their own neighbour");
                }
            }
        }
    }

    private static int[] sample(int count, int users, long seed) {
        Random random = new Random(seed + 1);
        Set<Integer> picked = new HashSet<>();
        int n = Math.min(count, users);
        while (picked.size() < n) {
            picked.add(random.nextInt(users));
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String row(String measure, String value, String details) {
        return "| " + measure + " | " + value + " | " + details + " |\n";
    }

    /**
     * Synthetic feature vectors like the seed's UserFeatureVector (~110 features, each in [0, 1]): every user belongs to
     * one of {@code clusters} planted behaviour clusters. A cluster has a centre (skewed towards small values, as counts
     * scaled to [0, 1] are) and four directions of its own in which its users vary (how active, how much they rate,
     * …: a user is the centre plus four Gaussian weights (σ 1) times those directions (each feature ±0.08 at most)
     * plus a little Gaussian noise (σ 0.03) of their own), clamped to [0, 1]; in the preference block (features
     * 35-84, the top notes and houses) a user keeps only the features their cluster prefers plus 5% of the others, the
     * rest 0, as a user's top-25 notes are a sparse pick of the note catalogue. So users are near each other along a
     * few directions, not uniformly spread in 110 dimensions (where nearest neighbours would be little nearer than
     * anyone else).
     */
    static final class Data {
        static final int FACTORS = 4;

        final List<String> userIds;
        final List<double[]> vectors;
        final int[] planted;

        private Data(List<String> userIds, List<double[]> vectors, int[] planted) {
            this.userIds = userIds;
            this.vectors = vectors;
            this.planted = planted;
        }

        static Data generate(Options o) {
            Random random = new Random(o.seed);
            double[][] centres = new double[o.clusters][o.dim];
            double[][][] factors = new double[o.clusters][FACTORS][o.dim];
            boolean[][] prefers = new boolean[o.clusters][o.dim];
            for (int c = 0; c < o.clusters; c++) {
                for (int f = 0; f < o.dim; f++) {
                    double u = random.nextDouble();
                    centres[c][f] = u * u;
                    prefers[c][f] = random.nextDouble() < 0.3;
                    for (int l = 0; l < FACTORS; l++) {
                        factors[c][l][f] = (random.nextDouble() * 2 - 1) * 0.08;
                    }
                }
            }
            List<String> ids = new ArrayList<>(o.users);
            List<double[]> vectors = new ArrayList<>(o.users);
            int[] planted = new int[o.users];
            double[] weights = new double[FACTORS];
            for (int u = 0; u < o.users; u++) {
                int c = random.nextInt(o.clusters);
                planted[u] = c;
                for (int l = 0; l < FACTORS; l++) {
                    weights[l] = random.nextGaussian();
                }
                double[] v = new double[o.dim];
                for (int f = 0; f < o.dim; f++) {
                    boolean preference = f >= 35 && f < 85;
                    if (preference && !prefers[c][f] && random.nextDouble() >= 0.05) {
                        continue;
                    }
                    double x = centres[c][f] + random.nextGaussian() * 0.03;
                    for (int l = 0; l < FACTORS; l++) {
                        x += weights[l] * factors[c][l][f];
                    }
                    v[f] = Math.max(0, Math.min(1, x));
                }
                ids.add(fmt("user-%08x", mix(u)));
                vectors.add(v);
            }
            return new Data(ids, vectors, planted);
        }

        /** The planted cluster of each user of {@code sortedIds}. */
        int[] plantedInUserOrder(List<String> sortedIds) {
            return reorder(sortedIds, i -> new int[] {planted[i]}).stream()
                    .mapToInt(a -> a[0])
                    .toArray();
        }

        List<double[]> vectorsInUserOrder(List<String> sortedIds) {
            return reorder(sortedIds, vectors::get);
        }

        private <T> List<T> reorder(List<String> sortedIds, IntFunction<T> at) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>(userIds.size() * 2);
            for (int i = 0; i < userIds.size(); i++) {
                index.put(userIds.get(i), i);
            }
            List<T> out = new ArrayList<>(sortedIds.size());
            for (String id : sortedIds) {
                out.add(at.apply(index.get(id)));
            }
            return out;
        }

        private static int mix(int u) {
            int h = u * 0x9E3779B1;
            return h ^ (h >>> 16);
        }
    }

    /** The most heap used (sampled) and what is live after a full GC, per stage. */
    static final class HeapSampler {
        record Phase(String name, long maxUsedMb, long liveMb) {}

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private String current = "start";
        private Thread thread;

        void start() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /** Starts a stage: a full GC, then the sampled maximum starts from what is used. */
        void phase(String name) {
            current = name;
            System.gc();
            max.set(memory.getHeapMemoryUsage().getUsed());
        }

        /** Ends the stage begun by {@link #phase}; {@code keep}, the stage's data, stays reachable until measured. */
        Phase endPhase(Object keep) {
            long maxUsed = Math.max(max.get(), memory.getHeapMemoryUsage().getUsed());
            System.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            if (keep.hashCode() == 42) {
                log("(keep %s)", keep);
            }
            String name = current;
            current = "start";
            long gcs = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += Math.max(0, gc.getCollectionCount());
            }
            log(
                    "heap during %s: max used %d MB, live after GC %d MB (%d collections so far)",
                    name, maxUsed >> 20, live >> 20, gcs);
            return new Phase(name, maxUsed >> 20, live >> 20);
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }

    /** Command-line options. */
    static final class Options {
        int users = 100_000;
        int dim = 110;
        int clusters = 8;
        int queries = 1000;
        int k = 10;
        int top = 50;
        int threads = 2;
        int precomputeSample = 0;
        int hnswM = 16;
        int hnswBeam = 100;
        int ef = 0;
        int segments = 8;
        int iterations = 100;
        int trials = 5;
        boolean write = true;
        int writeChunk = 1000;
        long seed = 42;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                if (a.equals("--repo")) { // run-benchmark passes it; nothing here needs the repository
                    i++;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                }
                long v = Long.parseLong(args[++i]);
                switch (a) {
                    case "--users" -> o.users = (int) v;
                    case "--dim" -> o.dim = (int) v;
                    case "--clusters" -> o.clusters = (int) v;
                    case "--queries" -> o.queries = (int) v;
                    case "--k" -> o.k = (int) v;
                    case "--top" -> o.top = (int) v;
                    case "--threads" -> o.threads = (int) v;
                    case "--precompute-sample" -> o.precomputeSample = (int) v;
                    case "--hnsw-m" -> o.hnswM = (int) v;
                    case "--hnsw-beam" -> o.hnswBeam = (int) v;
                    case "--ef" -> o.ef = (int) v;
                    case "--segments" -> o.segments = (int) v;
                    case "--iterations" -> o.iterations = (int) v;
                    case "--trials" -> o.trials = (int) v;
                    case "--write" -> o.write = v != 0;
                    case "--write-chunk" -> o.writeChunk = (int) v;
                    case "--seed" -> o.seed = v;
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            if (o.users < 2 || o.dim < 1 || o.clusters < 1 || o.k < 1 || o.top < 1 || o.threads < 1 || o.queries < 1) {
                throw new IllegalArgumentException("options out of range\n" + USAGE);
            }
            return o;
        }
    }
}
