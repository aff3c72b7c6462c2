package com.newsmell.simulator.traffic;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.newsmell.simulator.world.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static SimulatorOptions options(FakeCollector collector) {
        return SimulatorOptions.defaults()
                .withUrl(collector.url())
                .withRate(0)
                .withSeed(42)
                .withUsers(50)
                .withQuiet(true);
    }

    @Test
    void sendsExactlyTheRequestedEventsAndCountsAccepted() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            RunReport report = Simulator.run(
                    options(collector).withEvents(537).withBatchSize(50).withConcurrency(3));
            assertEquals(537, report.sent());
            assertEquals(537, report.accepted());
            assertEquals(0, report.rejected());
            assertEquals(0, report.failed());
            assertEquals(11, report.batches());
            assertTrue(report.success());
            assertEquals(537, collector.acceptedCount());
            assertEquals(537, collector.acceptedIds().size(), "every event has its own eventId");
            assertTrue(collector.requests().stream().allMatch(r -> "application/json".equals(r.contentType())));
            assertTrue(report.p50Millis() > 0 && report.p99Millis() >= report.p50Millis(), report.toString());
            assertTrue(report.eventsPerSecond() > 0);
        }
    }

    @Test
    void sendsItsWriteKeyAsTheBasicAuthUserName() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            Simulator.run(options(collector).withEvents(20).withBatchSize(10).withWriteKey("nsk_sim"));
            assertTrue(collector.requests().stream()
                    .allMatch(r -> ("Basic " + java.util.Base64.getEncoder().encodeToString("nsk_sim:".getBytes()))
                            .equals(r.authorization())));
            assertEquals(2, collector.requests().size());
        }
    }

    @Test
    void publishesItsCatalogThroughTheBatchApiBeforeAnyTraffic() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            Simulator.run(options(collector).withEvents(100).withBatchSize(50));

            assertEquals(1, collector.catalogRequests());
            assertEquals(0, collector.eventRequestsBeforeCatalog(), "the catalog goes first");
            List<String> ids = collector.catalogPerfumeIds();
            assertEquals(Catalog.DEFAULT_PERFUMES, ids.size(), "every perfume, each valid by the contract");
            assertEquals(Catalog.DEFAULT_PERFUMES, new HashSet<>(ids).size());
        }
    }

    @Test
    void aBackfillSendsSessionsThatEndedHalfItsLengthAgoOrEarlierBeforeTheLiveTraffic() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            Instant started = Instant.now();
            RunReport report = Simulator.run(
                    options(collector).withEvents(0).withConcurrentSessions(5).withBackfill(Duration.ofHours(1)));

            List<Instant> times = collector.timestamps();
            assertTrue(times.size() >= 20, "20 sessions of at least one event each: " + times.size());
            assertEquals(times.size(), report.sent());
            assertEquals(times.size(), report.accepted());
            assertTrue(
                    times.stream()
                            .allMatch(t -> t.isBefore(
                                    started.minus(Duration.ofMinutes(30)).plusSeconds(1))),
                    "every event at least 30 minutes old: " + times);
            assertTrue(times.stream().allMatch(t -> t.isAfter(started.minus(Duration.ofHours(2)))), times.toString());
        }
    }

    @Test
    void countsRejectedEventsFromThe202Body() throws Exception {
        try (FakeCollector collector = new FakeCollector().rejecting(i -> i % 10 == 0)) {
            RunReport report = Simulator.run(options(collector).withEvents(200).withBatchSize(40));
            assertEquals(200, report.sent());
            assertEquals(20, report.rejected());
            assertEquals(180, report.accepted());
            assertEquals(collector.rejectedCount(), report.rejected());
            assertTrue(!report.success());
        }
    }

    @Test
    void retriesA503WithTheSameEventIds() throws Exception {
        try (FakeCollector collector = new FakeCollector().unavailableFor(2)) {
            RunReport report = Simulator.run(
                    options(collector).withEvents(100).withBatchSize(25).withConcurrency(1));
            assertEquals(100, report.sent());
            assertEquals(100, report.accepted());
            assertEquals(0, report.failed());
            assertEquals(2, report.retries());
            List<FakeCollector.Request> requests = collector.requests();
            assertEquals(6, requests.size());
            assertEquals(503, requests.get(0).status());
            assertEquals(503, requests.get(1).status());
            assertEquals(202, requests.get(2).status());
            assertEquals(requests.get(0).eventIds(), requests.get(1).eventIds());
            assertEquals(requests.get(0).eventIds(), requests.get(2).eventIds());
            assertEquals(100, collector.acceptedIds().size());
        }
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        try (FakeCollector collector = new FakeCollector().unavailableFor(Integer.MAX_VALUE)) {
            RunReport report = Simulator.run(
                    options(collector).withEvents(30).withBatchSize(10).withMaxAttempts(3));
            assertEquals(30, report.sent());
            assertEquals(30, report.failed());
            assertEquals(0, report.accepted());
            assertEquals(6, report.retries());
            assertEquals(9, collector.requests().size());
        }
    }

    @Test
    void paddedEventsAreSentAndAccepted() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            RunReport report = Simulator.run(
                    options(collector).withEvents(300).withBatchSize(100).withPadToBytes(2_000));
            assertEquals(300, report.accepted());
        }
    }

    @Test
    void stopsAtTheDurationAndReportsProgress() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            SimulatorOptions o = options(collector)
                    .withDuration(Duration.ofMillis(1_500))
                    .withRate(200)
                    .withBatchSize(10)
                    .withQuiet(false)
                    .withProgressInterval(Duration.ofMillis(100));
            CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> Simulator.run(o, out));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> buffer.toString(StandardCharsets.UTF_8).contains("accepted="));
            RunReport report = run.get();
            String text = buffer.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("rate="), text);
            // 200 events/s for 1.5 s, in batches of 10.
            assertTrue(report.sent() >= 200 && report.sent() <= 300, "sent " + report.sent());
            assertTrue(report.elapsed().compareTo(Duration.ofSeconds(5)) < 0);
            assertEquals(report.sent(), collector.acceptedCount());
        }
    }

    @Test
    void cliRunsAgainstTheUrlAndPrintsASummary() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            int code = TrafficSimulator.run(
                    new String[] {
                        "--url",
                        collector.url().toString(),
                        "--events",
                        "120",
                        "--rate",
                        "0",
                        "--seed",
                        "9",
                        "--batch-size",
                        "30",
                        "--quiet"
                    },
                    out,
                    out);
            String text = buffer.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, text);
            assertTrue(text.contains("sent=120 accepted=120 rejected=0"), text);
            assertTrue(text.contains("p50=") && text.contains("p99="), text);
            assertEquals(120, new HashSet<>(collector.acceptedIds()).size());
        }
    }
}
