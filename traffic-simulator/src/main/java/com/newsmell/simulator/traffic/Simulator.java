package com.newsmell.simulator.traffic;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator;
import com.newsmell.simulator.world.Catalog;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the traffic: generates journeys ({@link JourneyGenerator} over an {@link EventStream}), paces them at the
 * requested rate, sends them in batches with {@code concurrency} parallel requests and returns a {@link RunReport}.
 * Stops by itself at the duration or event bound.
 *
 * <pre>{@code
 * RunReport report = Simulator.run(SimulatorOptions.defaults()
 *         .withUrl("http://localhost:8080").withEvents(10_000).withRate(0).withSeed(7).withQuiet(true));
 * }</pre>
 */
public final class Simulator {

    private final SimulatorOptions options;
    private final PrintStream out;
    private final EventStream stream;
    private final JourneyGenerator generator;
    private final Catalog catalog;
    private final CollectorClient client;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final SampleIds samples = SampleIds.fromEnvironment();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final List<Long> latencies = new ArrayList<>();
    private final Set<String> reportedErrors = new LinkedHashSet<>();

    private final Object dispatchLock = new Object();
    private long dispatched;
    private long startNanos;
    private long deadlineNanos;

    private Simulator(SimulatorOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        JourneyGenerator generator = JourneyGenerator.create(options.seed(), options.users(), options.botShare())
                .randomizedShare(options.randomizedShare());
        this.generator = generator;
        this.stream = new EventStream(generator, options.concurrentSessions(), Clock.systemUTC());
        this.catalog = generator.catalog();
        this.client =
                new CollectorClient(options.url(), options.requestTimeout(), options.maxAttempts(), options.writeKey());
    }

    /** Runs with progress on {@code System.out} (unless quiet). */
    public static RunReport run(SimulatorOptions options) {
        return run(options, System.out);
    }

    /** Runs with progress on {@code out} (unless quiet). */
    public static RunReport run(SimulatorOptions options, PrintStream out) {
        return new Simulator(options, out).execute();
    }

    private record Batch(List<UserInteractionEvent> events, long notBeforeNanos) {}

    private RunReport execute() {
        if (!options.quiet()) {
            out.printf(
                    Locale.ROOT,
                    "traffic-simulator: POST %s, rate=%s events/s, %s, batch=%d, concurrency=%d, users=%d,"
                            + " bots=%.0f%%, seed=%d%n",
                    client.endpoint(),
                    options.rate() == 0 ? "max" : fmt(options.rate()),
                    bounds(),
                    options.batchSize(),
                    options.concurrency(),
                    options.users(),
                    options.botShare() * 100,
                    options.seed());
        }
        publishCatalog();
        startNanos = System.nanoTime();
        sendBackfill();
        deadlineNanos = options.duration() == null
                ? Long.MAX_VALUE
                : startNanos + options.duration().toNanos();

        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), daemon("simulator-worker"));
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("simulator-progress"));
        if (!options.quiet()) {
            long every = options.progressInterval().toMillis();
            progress.scheduleAtFixedRate(this::printProgress, every, every, TimeUnit.MILLISECONDS);
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < options.concurrency(); i++) {
                futures.add(workers.submit(this::work));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("simulator worker failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    workers.shutdownNow();
                    break;
                }
            }
        } finally {
            workers.shutdownNow();
            progress.shutdownNow();
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(sorted);
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        return new RunReport(
                sent.get(),
                accepted.get(),
                rejected.get(),
                failed.get(),
                batches.get(),
                retries.get(),
                Duration.ofNanos(elapsedNanos),
                sent.get() / seconds,
                percentileMillis(sorted, 0.50),
                percentileMillis(sorted, 0.99),
                options.seed());
    }

    /**
     * Publishes the world's catalog through the collector's catalog API before any traffic (issue #11); a failure is
     * reported and the traffic goes on (events for perfumes the catalog does not know yet are still events).
     */
    private void publishCatalog() {
        CatalogFeed feed = new CatalogFeed(client);
        CatalogFeed.Outcome outcome = feed.publish(CatalogFeed.entries(catalog));
        if (!options.quiet() || outcome.rejected() + outcome.failed() > 0) {
            out.printf(
                    Locale.ROOT,
                    "traffic-simulator: catalog POST %s: %d perfumes accepted, %d rejected, %d not delivered%s%n",
                    feed.endpoint(),
                    outcome.accepted(),
                    outcome.rejected(),
                    outcome.failed(),
                    outcome.errors().isEmpty() ? "" : " " + outcome.errors());
        }
    }

    private void work() {
        Batch batch;
        while ((batch = nextBatch()) != null) {
            long wait;
            while ((wait = batch.notBeforeNanos() - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            send(batch.events());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Sends one batch (padded if asked) and counts its outcome. */
    private void send(List<UserInteractionEvent> batch) {
        List<UserInteractionEvent> events = batch;
        if (options.padToBytes() > 0) {
            events = events.stream()
                    .map(e -> EventPadder.pad(e, options.padToBytes()))
                    .toList();
        }
        CollectorClient.BatchOutcome outcome = client.send(events);
        if (samples != null && outcome.accepted() == events.size()) {
            samples.accepted(events);
        }
        batches.incrementAndGet();
        retries.addAndGet(outcome.retries());
        sent.addAndGet(batch.size());
        accepted.addAndGet(outcome.accepted());
        rejected.addAndGet(outcome.rejected());
        failed.addAndGet(outcome.failed());
        if (outcome.latencyNanos() >= 0) {
            synchronized (latencies) {
                latencies.add(outcome.latencyNanos());
            }
        }
        if (!outcome.errors().isEmpty() && (outcome.rejected() > 0 || outcome.failed() > 0)) {
            reportErrors(outcome.errors());
        }
    }

    /**
     * History before the live traffic ({@code --backfill D}): 4 × the interleaved sessions, generated as of instants
     * spread evenly over [now - D, now - D/2], so each ended at least D/2 ago (a demo's sessions can be closed, and its
     * bounce rate shown, at once), sent in order as fast as the collector accepts them.
     */
    private void sendBackfill() {
        if (options.backfill().isZero()) {
            return;
        }
        int sessions = 4 * options.concurrentSessions();
        Instant now = Instant.now();
        Instant first = now.minus(options.backfill());
        long step = options.backfill().toMillis() / 2 / sessions;
        List<UserInteractionEvent> events = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            events.addAll(generator.nextSession(first.plusMillis(i * step)).events());
        }
        for (int from = 0; from < events.size(); from += options.batchSize()) {
            send(events.subList(from, Math.min(events.size(), from + options.batchSize())));
        }
        if (!options.quiet()) {
            out.printf(
                    Locale.ROOT,
                    "traffic-simulator: backfill of %d sessions (%d events) ending %s to %s ago sent%n",
                    sessions,
                    events.size(),
                    options.backfill(),
                    options.backfill().dividedBy(2));
        }
    }

    /** The next batch and the earliest time it may be sent (pacing), or null when the run is over. */
    private Batch nextBatch() {
        synchronized (dispatchLock) {
            long now = System.nanoTime();
            if (now >= deadlineNanos || Thread.currentThread().isInterrupted()) {
                return null;
            }
            long size = options.batchSize();
            if (options.maxEvents() != null) {
                size = Math.min(size, options.maxEvents() - dispatched);
                if (size <= 0) {
                    return null;
                }
            }
            long notBefore = startNanos;
            if (options.rate() > 0) {
                notBefore = startNanos + (long) (dispatched * 1e9 / options.rate());
                if (notBefore >= deadlineNanos) {
                    return null;
                }
            }
            List<UserInteractionEvent> events = stream.next((int) size);
            dispatched += size;
            return new Batch(events, notBefore);
        }
    }

    private void reportErrors(List<String> errors) {
        if (options.quiet()) {
            return;
        }
        synchronized (reportedErrors) {
            for (String e : errors) {
                if (reportedErrors.size() < 10 && reportedErrors.add(e)) {
                    out.println("  ! " + e);
                }
            }
        }
    }

    private void printProgress() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(
                Locale.ROOT,
                "[%6.1fs] sent=%d accepted=%d rejected=%d failed=%d rate=%.1f events/s%n",
                seconds,
                sent.get(),
                accepted.get(),
                rejected.get(),
                failed.get(),
                sent.get() / Math.max(seconds, 1e-3));
    }

    private String bounds() {
        List<String> b = new ArrayList<>();
        if (options.duration() != null) {
            b.add("duration=" + fmt(options.duration().toMillis() / 1000.0) + "s");
        }
        if (options.maxEvents() != null) {
            b.add("events=" + options.maxEvents());
        }
        return String.join(", ", b);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds (0 when empty). */
    static double percentileMillis(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        long v = sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
        return Math.round(v / 1e5) / 10.0;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
