package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.infra.Subgraphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the dashboard page served by the gateway, in headless Chromium (Debian's chromium driven by
 * playwright-core, graphql-gateway/test-browser/dashboard-check.mjs): after simulated traffic and the jobs that
 * derive from it, it loads with no console error and every chart has data points; the screenshot is kept in
 * target/dashboard.png; the data-quality panels (issue 20) after one refused event. Skipped, saying why, where Chromium or the gateway (Node) is missing.
 */
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void theDashboardShowsEveryChartAfterSimulatedTraffic() throws IOException, InterruptedException {
        RunningSystem system = RunningSystem.shared();
        String gateway = system.gatewayUrl();
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "SKIPPED: no " + CHROMIUM + " (apt-get install -y chromium; .ci/run does)");
        simulateTraffic(system);
        rejectOneEvent(system);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    runJobs(system);
                    assertEveryPanelHasData(gateway);
                });

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Path log = Path.of("target", "dashboard-check.log").toAbsolutePath();
        ProcessBuilder check = new ProcessBuilder(
                        "node",
                        REPO.resolve("graphql-gateway/test-browser/dashboard-check.mjs")
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        check.environment().put("GATEWAY_URL", gateway);
        check.environment().put("SCREENSHOT", screenshot.toString());
        Process process = check.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(ended).as("dashboard-check ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    /** Demo traffic from the traffic simulator (the one ./scripts/up runs), at full speed. */
    private static void simulateTraffic(RunningSystem system) throws IOException, InterruptedException {
        Path jar = REPO.resolve("traffic-simulator/target/traffic-simulator-0.1.0-SNAPSHOT.jar");
        assertThat(jar)
                .as("build the traffic simulator first (./mvnw install -DskipTests)")
                .exists();
        Process simulator = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        jar.toString(),
                        "--url",
                        system.url(RunningSystem.COLLECTOR),
                        "--write-key",
                        system.writeKey(),
                        "--events",
                        "3000",
                        "--rate",
                        "0",
                        "--users",
                        "80",
                        "--seed",
                        "14",
                        "--backfill",
                        "1h")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "dashboard-traffic.log").toFile())
                .start();
        assertThat(simulator.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(simulator.exitValue()).isZero();
    }

    /** An event the collector refuses (no path: rule required), for the data-quality panels (issue 20). */
    private static void rejectOneEvent(RunningSystem system) {
        given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType("application/json")
                .body("{\"sessionId\":\"dashboard-quality\",\"eventType\":\"PAGE_VIEW\",\"timestamp\":\""
                        + Instant.now() + "\",\"eventData\":{}}")
                .post("/v1/events")
                .then()
                .statusCode(400);
    }

    /** The jobs the charts read from: trending (hourly), session rollup, profiles then segments. */
    private static void runJobs(RunningSystem system) {
        for (Map.Entry<String, String> job : List.of(
                Map.entry(RunningSystem.PERFUME_STATS, "hourly"),
                Map.entry(RunningSystem.SESSIONS, "close-idle-sessions"),
                Map.entry(RunningSystem.SESSIONS, "rollup"),
                Map.entry(RunningSystem.PROFILES, "profiles"),
                Map.entry(RunningSystem.PROFILES, "segments"))) {
            // The hourly job ranks the hours before its clock: run as of the next hour, so that the traffic just sent
            // (this hour's) is ranked whatever the minute (as of now, it waited for the next hour boundary).
            String now = job.getValue().equals("hourly")
                    ? Instant.now()
                            .truncatedTo(ChronoUnit.HOURS)
                            .plus(Duration.ofHours(1))
                            .toString()
                    : Instant.now().toString();
            given().baseUri(system.url(job.getKey()))
                    .queryParam("now", now)
                    .post("/v1/jobs/" + job.getValue() + "/runs")
                    .then()
                    .statusCode(200);
        }
    }

    private static void assertEveryPanelHasData(String gateway) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        JsonNode d = Subgraphs.data(
                gateway,
                "query($hf: String!, $ht: String!, $df: String!, $dt: String!) {"
                        + " eventRate(from: $hf, to: $ht, granularity: \"hour\") { totals { events } }"
                        + " sessionMetrics(from: $hf, to: $ht, granularity: \"hour\") { totals { sessions bounceRate } }"
                        + " trendingPerfumes(limit: 1) { items { rank } }"
                        + " noResultQueries(from: $df, to: $dt, limit: 1) { items { query } }"
                        + " recommendationMetrics(from: $df, to: $dt) { totals { impressions } }"
                        + " segments(limit: 1) { items { size } }"
                        + " quality(from: $hf, to: $ht, granularity: \"hour\", groupBy: \"rule\") {"
                        + " totals { accepted rejected } groups { value } } }",
                Map.of(
                        "hf", hour.minus(Duration.ofHours(23)).toString(),
                        "ht", hour.plus(Duration.ofHours(1)).toString(),
                        "df", day.minus(Duration.ofDays(6)).toString(),
                        "dt", day.plus(Duration.ofDays(1)).toString()));
        assertThat(d.at("/eventRate/totals/events").asLong()).as("events").isPositive();
        assertThat(d.at("/sessionMetrics/totals/sessions").asLong())
                .as("sessions")
                .isPositive();
        assertThat(d.at("/sessionMetrics/totals/bounceRate").isNumber())
                .as("bounce rate (the backfilled sessions, closed)")
                .isTrue();
        assertThat(d.at("/trendingPerfumes/items")).as("trending").isNotEmpty();
        assertThat(d.at("/noResultQueries/items")).as("no-result queries").isNotEmpty();
        assertThat(d.at("/recommendationMetrics/totals/impressions").asLong())
                .as("impressions")
                .isPositive();
        assertThat(d.at("/segments/items")).as("segments").isNotEmpty();
        assertThat(d.at("/quality/totals/accepted").asLong())
                .as("quality: accepted")
                .isPositive();
        assertThat(d.at("/quality/totals/rejected").asLong())
                .as("quality: rejected")
                .isPositive();
        assertThat(d.at("/quality/groups")).as("quality: top rules").isNotEmpty();
    }
}
