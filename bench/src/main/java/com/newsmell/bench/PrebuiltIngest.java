package com.newsmell.bench;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.journey.JourneyGenerator;
import com.newsmell.simulator.traffic.CollectorClient;
import com.newsmell.simulator.traffic.EventPadder;
import com.newsmell.simulator.traffic.EventStream;
import com.newsmell.simulator.traffic.RunReport;
import com.newsmell.simulator.traffic.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's max-rate ingest run with its request bodies built before the clock starts: the simulator's journeys
 * (its generator, population and padding, the same events it would send), serialised into batch bodies up front, then
 * sent by {@code concurrency} threads as fast as the collector answers. kafka-producer-perf-test sends pre-built
 * records too; building and padding the events on the fly (the simulator serialises each event several times to pad
 * it, and each body twice) took CPU from the collector on the same two cores, which is the client's work, not the
 * collector's. The bodies' {@code sentAt} is their build time, so the collector's clock correction moves the stored
 * timestamps by at most the build-to-send delay (seconds).
 */
final class PrebuiltIngest {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private PrebuiltIngest() {}

    /** {@code events} of the simulator's journeys (seed {@code seed}) padded to {@code padBytes}, as batch bodies. */
    static List<byte[]> bodies(long events, long seed, int batch, int padBytes) {
        SimulatorOptions defaults = SimulatorOptions.defaults();
        JourneyGenerator generator = JourneyGenerator.create(seed, defaults.users(), defaults.botShare())
                .randomizedShare(defaults.randomizedShare());
        EventStream stream = new EventStream(generator, defaults.concurrentSessions(), Clock.systemUTC());
        Instant sentAt = Instant.now();
        List<byte[]> bodies = new ArrayList<>();
        for (long built = 0; built < events; built += batch) {
            List<UserInteractionEvent> next = stream.next((int) Math.min(batch, events - built)).stream()
                    .map(e -> EventPadder.pad(e, padBytes))
                    .toList();
            bodies.add(CollectorClient.body(next, sentAt));
        }
        return bodies;
    }

    /** Sends every body once; the report counts the events the 202s accepted, and each request's latency. */
    static RunReport send(List<byte[]> bodies, String baseUrl, String writeKey, int concurrency, int batch, long seed)
            throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI url = URI.create(baseUrl + "/v1/events/batch");
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest request = HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                            .build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - sent);
                        Matcher m = ACCEPTED.matcher(response.body());
                        if (response.statusCode() == 202 && m.find()) {
                            accepted.addAndGet(Long.parseLong(m.group(1)));
                        } else {
                            failed.addAndGet(batch);
                        }
                    } catch (Exception e) {
                        failed.addAndGet(batch);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        long events = accepted.get() + failed.get();
        return new RunReport(
                events,
                accepted.get(),
                0,
                failed.get(),
                bodies.size(),
                0,
                Duration.ofNanos(elapsed),
                accepted.get() / (elapsed / 1e9),
                millis(sorted, 0.50),
                millis(sorted, 0.99),
                seed);
    }

    private static double millis(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
