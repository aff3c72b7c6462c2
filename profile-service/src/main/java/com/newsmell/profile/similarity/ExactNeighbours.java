package com.newsmell.profile.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact nearest neighbours by brute force: every user's {@code k} most similar other users of the same
 * {@link UnitVectors}, by rounded similarity ({@link Cosine#key}) descending, ties by userId ascending; a user is never
 * their own neighbour. Queries go in blocks of {@value #BLOCK}; each block is compared with one tile of
 * {@value UnitVectors#TILE} candidates at a time (the tile stays in cache while the block's queries use it), one
 * loop over the tile per query feature (which the JIT vectorises; a zero feature is skipped). Blocks are shared out to
 * {@code threads} threads of its own, ended before it returns. Pure. ADR 0022 says why brute force.
 */
public final class ExactNeighbours {

    /** Queries compared with a tile while it is in cache. */
    static final int BLOCK = 16;

    private static final int TILE = UnitVectors.TILE;

    private ExactNeighbours() {}

    /** Every user's top {@code k}. */
    public static Neighbours topK(UnitVectors vectors, int k, int threads) {
        return topK(vectors, k, threads, 0, vectors.size());
    }

    /** The top {@code k} of the users {@code [from, to)} (indexes into the set) among all users of the set. */
    public static Neighbours topK(UnitVectors vectors, int k, int threads, int from, int to) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int queries = to - from;
        int[] neighbours = new int[queries * k];
        int[] keys = new int[queries * k];
        int[] counts = new int[queries];
        int blocks = (queries + BLOCK - 1) / BLOCK;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            Search search = new Search(vectors, k, BLOCK);
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                int q0 = from + b * BLOCK;
                int q1 = Math.min(to, q0 + BLOCK);
                float[][] rows = new float[q1 - q0][];
                int[] exclude = new int[q1 - q0];
                for (int q = q0; q < q1; q++) {
                    rows[q - q0] = vectors.row(q);
                    exclude[q - q0] = q;
                }
                search.run(rows, exclude);
                for (int q = q0; q < q1; q++) {
                    counts[q - from] = search.drain(q - q0, neighbours, keys, (q - from) * k);
                }
            }
        };
        run(worker, Math.max(1, Math.min(threads, blocks)));
        return new Neighbours(vectors, from, k, neighbours, keys, counts);
    }

    /** The top {@code k} users of the set for one unit query vector, leaving out the user {@code exclude} (or -1). */
    public static Neighbours.Row query(UnitVectors vectors, float[] unitQuery, int k, int exclude) {
        Search search = new Search(vectors, k, 1);
        search.run(new float[][] {unitQuery}, new int[] {exclude});
        int[] neighbours = new int[k];
        int[] keys = new int[k];
        int n = search.drain(0, neighbours, keys, 0);
        return new Neighbours.Row(Arrays.copyOf(neighbours, n), Arrays.copyOf(keys, n));
    }

    /** One thread's search state: a bounded heap per query of a block, and the block's sums against a tile. */
    private static final class Search {
        private final UnitVectors vectors;
        private final int k;
        private final long[][] heaps;
        private final int[] sizes;
        private final float[] floors;
        private final float[] sums = new float[TILE];

        Search(UnitVectors vectors, int k, int block) {
            this.vectors = vectors;
            this.k = k;
            this.heaps = new long[block][k];
            this.sizes = new int[block];
            this.floors = new float[block];
        }

        void run(float[][] queries, int[] exclude) {
            Arrays.fill(sizes, 0);
            Arrays.fill(floors, Float.NEGATIVE_INFINITY);
            float[][] tiles = vectors.tiles();
            int dimension = vectors.dimension();
            int n = vectors.size();
            for (int tile = 0, first = 0; first < n; tile++, first += TILE) {
                int base = tile * dimension;
                int width = Math.min(TILE, n - first);
                for (int q = 0; q < queries.length; q++) {
                    float[] query = queries[q];
                    float[] s = sums;
                    Arrays.fill(s, 0f);
                    for (int f = 0; f < dimension; f++) {
                        float qf = query[f];
                        if (qf == 0) {
                            continue;
                        }
                        float[] feature = tiles[base + f];
                        for (int j = 0; j < TILE; j++) {
                            s[j] += qf * feature[j];
                        }
                    }
                    for (int j = 0; j < width; j++) {
                        if (s[j] < floors[q]) {
                            continue;
                        }
                        int candidate = first + j;
                        if (candidate == exclude[q]) {
                            continue;
                        }
                        int size = offer(heaps[q], sizes[q], pack(Cosine.key(s[j]), candidate));
                        sizes[q] = size;
                        if (size == k) {
                            // Anything rounding below the worst kept key can be skipped without rounding it.
                            floors[q] = (float) ((unpackKey(heaps[q][0]) - 0.5) / 10_000d) - 1e-6f;
                        }
                    }
                }
            }
        }

        /** Writes query q's neighbours best first into the arrays from {@code offset}; returns how many. */
        int drain(int q, int[] neighbours, int[] keys, int offset) {
            int size = sizes[q];
            long[] sorted = Arrays.copyOf(heaps[q], size);
            Arrays.sort(sorted);
            for (int r = 0; r < size; r++) {
                long value = sorted[size - 1 - r];
                neighbours[offset + r] = unpackIndex(value);
                keys[offset + r] = unpackKey(value);
            }
            return size;
        }
    }

    /** Key high, then the index reversed: a larger value is a better neighbour (higher similarity, then lower id). */
    static long pack(int key, int index) {
        return ((long) key << 32) | (Integer.MAX_VALUE - index);
    }

    static int unpackIndex(long value) {
        return Integer.MAX_VALUE - (int) (value & 0xFFFF_FFFFL);
    }

    static int unpackKey(long value) {
        return (int) (value >>> 32);
    }

    /** Adds to a min-heap (the worst kept value at the root) of at most {@code heap.length}; returns the new size. */
    static int offer(long[] heap, int size, long value) {
        if (size < heap.length) {
            int i = size;
            heap[i] = value;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= heap[i]) {
                    break;
                }
                long t = heap[parent];
                heap[parent] = heap[i];
                heap[i] = t;
                i = parent;
            }
            return size + 1;
        }
        if (value <= heap[0]) {
            return size;
        }
        heap[0] = value;
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                break;
            }
            int smallest = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[i] <= heap[smallest]) {
                break;
            }
            long t = heap[smallest];
            heap[smallest] = heap[i];
            heap[i] = t;
            i = smallest;
        }
        return size;
    }

    private static void run(Runnable worker, int threads) {
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "exact-neighbours");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
