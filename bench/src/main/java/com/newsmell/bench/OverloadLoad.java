package com.newsmell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.traffic.EventPadder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The overload benchmark's load generator, run as its own process ({@link OverloadBench}): an open-loop HTTP client
 * that offers {@code rate} events/s to {@code POST /v1/events/batch} in batches, whatever the answers (a closed-loop
 * client such as Debian's wrk can only wait for the collector, so it cannot offer twice what the collector takes).
 * Every event has a fresh eventId; no request is retried. It writes the eventIds of every 2xx answer to
 * {@code acked-ids.txt} and the counts by status, with whether each 429/503 carried Retry-After, to
 * {@code summary.properties}.
 *
 * <p>Usage: {@code OverloadLoad URL WRITE_KEY RATE SECONDS BATCH PAD_BYTES OUT_DIR}.
 */
public final class OverloadLoad {

    private static final int MAX_IN_FLIGHT = 1_024;
    private static final String ID_MARK = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    private static final String SESSION_MARK = "overload-session-mark";

    private OverloadLoad() {}

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0] + "/v1/events/batch");
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((args[1] + ":").getBytes(StandardCharsets.UTF_8));
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int padBytes = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);

        String template = template(padBytes);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        AtomicLong requests = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong tooMany = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong withoutRetryAfter = new AtomicLong();
        AtomicLong otherStatus = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong ackedEvents = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> okMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> refusedMillis = new ConcurrentLinkedQueue<>();

        double batchesPerSecond = rate / batch;
        long total = Math.round(batchesPerSecond * seconds);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long sent = 0; sent < total; sent++) {
            long due = start + (long) (sent / batchesPerSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                notSent.incrementAndGet();
                done.countDown();
                continue;
            }
            List<String> ids = new ArrayList<>(batch);
            StringBuilder body = new StringBuilder(batch * (template.length() + 8)).append("{\"events\":[");
            String session = "overload-" + UUID.randomUUID();
            for (int i = 0; i < batch; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                body.append(i == 0 ? "" : ",")
                        .append(template.replace(ID_MARK, id).replace(SESSION_MARK, session));
            }
            body.append("]}");
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            long sentAt = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long millis = (System.nanoTime() - sentAt) / 1_000_000;
                inFlight.decrementAndGet();
                if (failure != null) {
                    errors.incrementAndGet();
                } else if (response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                    okMillis.add(millis);
                    List<String> accepted = ackedIds(response.body(), ids);
                    acked.addAll(accepted);
                    ackedEvents.addAndGet(accepted.size());
                } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                    (response.statusCode() == 429 ? tooMany : unavailable).incrementAndGet();
                    refusedMillis.add(millis);
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        withoutRetryAfter.incrementAndGet();
                    }
                } else {
                    otherStatus.incrementAndGet();
                }
                done.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        done.await();
        double allSeconds = (System.nanoTime() - start) / 1e9;

        Files.write(out.resolve("acked-ids.txt"), acked);
        Properties summary = new Properties();
        summary.setProperty("requests", Long.toString(requests.get()));
        summary.setProperty("ok", Long.toString(ok.get()));
        summary.setProperty("status429", Long.toString(tooMany.get()));
        summary.setProperty("status503", Long.toString(unavailable.get()));
        summary.setProperty("refusedWithoutRetryAfter", Long.toString(withoutRetryAfter.get()));
        summary.setProperty("otherStatus", Long.toString(otherStatus.get()));
        summary.setProperty("errors", Long.toString(errors.get()));
        summary.setProperty("notSent", Long.toString(notSent.get()));
        summary.setProperty("ackedEvents", Long.toString(ackedEvents.get()));
        summary.setProperty("offeredEvents", Long.toString(requests.get() * batch));
        summary.setProperty("offeredSeconds", String.format(java.util.Locale.ROOT, "%.2f", offeredSeconds));
        summary.setProperty("allAnsweredSeconds", String.format(java.util.Locale.ROOT, "%.2f", allSeconds));
        summary.setProperty("maxInFlight", Integer.toString(maxInFlight.get()));
        summary.setProperty("okP99Millis", Long.toString(percentile(okMillis, 0.99)));
        summary.setProperty("refusedP99Millis", Long.toString(percentile(refusedMillis, 0.99)));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("summary.properties")))) {
            summary.store(w, "OverloadLoad");
        }
        System.exit(0);
    }

    /** The eventIds a 2xx answer says were accepted (its eventIds, else every id of the request when unreadable). */
    private static List<String> ackedIds(String body, List<String> sent) {
        try {
            JsonNode answer = EventCodec.mapper().readTree(body);
            List<String> ids = new ArrayList<>();
            answer.path("eventIds").forEach(id -> ids.add(id.asText()));
            return ids;
        } catch (IOException e) {
            return sent;
        }
    }

    private static long percentile(ConcurrentLinkedQueue<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return -1;
        }
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** One valid page view of about {@code padBytes} (the simulator's padding), with marks for eventId and session. */
    private static String template(int padBytes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserInteractionEvent event = UserInteractionEvent.builder()
                .eventId(ID_MARK)
                .sessionId(SESSION_MARK)
                .eventType(InteractionEventType.PAGE_VIEW)
                .timestamp(now)
                .clientTimestamp(now)
                .path("/bench/overload")
                .eventData(ConsumerBench.pageViewData())
                .deviceType("desktop")
                .build();
        return EventCodec.toJson(EventPadder.pad(event, padBytes));
    }
}
