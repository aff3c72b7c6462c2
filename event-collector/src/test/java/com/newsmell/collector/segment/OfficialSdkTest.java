package com.newsmell.collector.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.CollectorTestResource;
import com.newsmell.collector.TestWriteKey;
import com.newsmell.collector.writekey.WriteKeyService;
import com.newsmell.collector.writekey.WriteKeyView;
import com.newsmell.contract.EventCodec;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: {@code @segment/analytics-node} 3.1.0, {@code @rudderstack/rudder-sdk-node} 3.0.13 (gzip) and {@code
 * @segment/analytics-next} 1.84.3 in headless Chromium (a page of another origin, posting cross-origin with a web key
 * that allows it), unmodified from npm ({@code sdk-tests/}), against this running collector; the events are read back
 * from the raw store and the links from the identity-links topic; a batch analytics-node sent again (its first answer
 * lost) is stored once. Like the
 * gateway's Node tests: run by {@code ./mvnw verify} when Node 20+ and {@code /usr/bin/chromium} are there (.ci/run
 * installs both and runs {@code npm ci}); skipped loudly elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(CollectorTestResource.class)
class OfficialSdkTest {

    @Inject
    WriteKeyService keys;

    static final Path SDK_TESTS = Path.of("sdk-tests");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void theOfficialSdksEventsArriveMappedWithTheirIds() throws Throwable {
        assumeNodeAndChromium();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String pageOrigin = "http://127.0.0.1:" + freePort(); // the shop's page: not the collector's origin
        ObjectNode web = JsonNodeFactory.instance.objectNode().put("source", "web");
        web.putArray("allowedOrigins").add(pageOrigin);
        WriteKeyView browserKey = VertxContextSupport.subscribeAndAwait(() -> keys.create(web));
        JsonNode sent = runSdks(run, browserKey.key(), pageOrigin);
        assertThat(sent.path("problems")).as("the SDKs' own errors").isEmpty();

        // @segment/analytics-node: page, Product Viewed (our messageId), Products Searched, identify
        String node = sent.path("node").path("anonymousId").asText();
        List<Map<String, Object>> nodeRows = rows(node, 3);
        assertThat(nodeRows)
                .extracting(r -> r.get("event_type"))
                .containsExactlyInAnyOrder("PAGE_VIEW", "PERFUME_VIEW", "SEARCH_PERFORMED");
        Map<String, Object> view = only(nodeRows, "PERFUME_VIEW");
        assertThat(view.get("event_id")).isEqualTo(SpecIds.eventId(TestWriteKey.id(), "msg-" + run));
        assertThat(view.get("perfume_id")).isEqualTo("p-" + run);
        assertThat(view.get("path")).isEqualTo("/perfumes/oud");
        Instant clientTime = Instant.parse(sent.path("node").path("timestamp").asText());
        assertThat(Duration.between(clientTime, ((java.sql.Timestamp) view.get("timestamp")).toInstant())
                        .abs())
                .as("the client's timestamp, corrected by sentAt (same clock here)")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(only(nodeRows, "SEARCH_PERFORMED").get("event_data").toString())
                .contains("\"query\": \"oud\"");
        assertLink(node, "user-node-" + run, "identify");

        // @segment/analytics-node again: the first answer to its batch lost, the SDK sent it again; stored once
        String retried = sent.path("retried").path("anonymousId").asText();
        assertThat(sent.path("retried").path("attempts").asInt())
                .as("the SDK retried")
                .isGreaterThan(1);
        List<Map<String, Object>> retriedRows = rows(retried, 2);
        assertThat(retriedRows)
                .extracting(r -> r.get("event_id"))
                .containsExactlyInAnyOrder(
                        SpecIds.eventId(TestWriteKey.id(), "retried-view-" + run),
                        SpecIds.eventId(TestWriteKey.id(), "retried-page-" + run));
        assertThat(TopicReader.readAll(CollectorTestResource.interactionsTopic()).stream()
                        .filter(r -> retried.equals(r.key()))
                        .count())
                .as("received more than once")
                .isGreaterThan(2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Sql.count(
                                CollectorTestResource.DATABASE,
                                "select count(*) from user_interaction_event where anonymous_id = ?",
                                retried)
                        == 2);

        // @rudderstack/rudder-sdk-node (gzip): Product Added to Wishlist by sku, page, alias
        String rudder = sent.path("rudder").path("anonymousId").asText();
        List<Map<String, Object>> rudderRows = rows(rudder, 2);
        assertThat(only(rudderRows, "WISHLIST_ADD").get("perfume_id")).isEqualTo("p-" + run);
        assertThat(only(rudderRows, "PAGE_VIEW").get("path")).isEqualTo("/wishlist");
        assertLink(rudder, "user-rudder-" + run, "alias");

        // @segment/analytics-next in Chromium: settings from the collector, page and track on the short paths, posted
        // cross-origin (the collector's CORS answer lets the SDK read its 200s: no failed delivery above)
        assertThat(sent.path("browser").path("origin").asText()).isEqualTo(pageOrigin);
        String browser = sent.path("browser").path("anonymousId").asText();
        List<Map<String, Object>> browserRows = rows(browser, 2);
        assertThat(only(browserRows, "PAGE_VIEW").get("path")).isEqualTo("/shop/perfumes/oud");
        assertThat(only(browserRows, "PERFUME_VIEW").get("perfume_id")).isEqualTo("p-" + run);
        assertThat(browserRows)
                .allSatisfy(r -> assertThat(r.get("user_agent").toString()).contains("Chrome"));
        assertLink(browser, "user-browser-" + run, "identify");
    }

    static void assumeNodeAndChromium() throws Exception {
        String why = null;
        if (!nodeAtLeast20()) {
            why = "Node.js 20+ is not on the PATH";
        } else if (!Files.isExecutable(CHROMIUM)) {
            why = "no " + CHROMIUM + " (apt-get install -y chromium)";
        }
        if (why != null) {
            System.err.println("##########################################################################");
            System.err.println("## SKIPPED: OfficialSdkTest (Segment and RudderStack SDKs from npm, Chromium)");
            System.err.println("## because: " + why + "; ./.ci/run installs what it needs.");
            System.err.println("##########################################################################");
        }
        Assumptions.assumeTrue(why == null, "SKIPPED: " + why);
        if (!Files.isDirectory(SDK_TESTS.resolve("node_modules"))) {
            exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean nodeAtLeast20() {
        try {
            String version = exec(List.of("node", "-p", "process.versions.node.split('.')[0]"), Map.of(), 30);
            return Integer.parseInt(version.trim()) >= 20;
        } catch (Exception e) {
            return false;
        }
    }

    static JsonNode runSdks(String run, String browserKey, String pageOrigin) throws Exception {
        String out = exec(
                List.of("node", "run-sdks.mjs"),
                Map.of(
                        "COLLECTOR_URL",
                        "http://localhost:" + RestAssured.port,
                        "WRITE_KEY",
                        TestWriteKey.key(),
                        "BROWSER_WRITE_KEY",
                        browserKey,
                        "PAGE_ORIGIN",
                        pageOrigin,
                        "RUN",
                        run,
                        "CHROMIUM",
                        CHROMIUM.toString()),
                180);
        String[] lines = out.strip().split("\n");
        return EventCodec.mapper().readTree(lines[lines.length - 1]);
    }

    static String exec(List<String> command, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SDK_TESTS.toFile());
        builder.environment().putAll(env);
        Path log = Files.createTempFile("sdk-tests", ".log");
        Process process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done)
                    .as("%s finished in %d s; output:%n%s", command, seconds, out)
                    .isTrue();
            assertThat(process.exitValue()).as("%s; output:%n%s", command, out).isZero();
            return out;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    static List<Map<String, Object>> rows(String anonymousId, int expected) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Sql.query(
                                CollectorTestResource.DATABASE,
                                "select event_id::text as event_id, event_type, perfume_id, path, timestamp,"
                                        + " user_agent, event_data::text as event_data from user_interaction_event"
                                        + " where anonymous_id = ?",
                                anonymousId),
                        r -> r.size() >= expected);
    }

    static Map<String, Object> only(List<Map<String, Object>> rows, String eventType) {
        List<Map<String, Object>> of =
                rows.stream().filter(r -> eventType.equals(r.get("event_type"))).toList();
        assertThat(of).as(eventType).hasSize(1);
        return of.get(0);
    }

    static void assertLink(String anonymousId, String userId, String via) throws IOException {
        List<TopicReader.Read> links = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> TopicReader.readAll(CollectorTestResource.identityLinksTopic()).stream()
                                .filter(r -> anonymousId.equals(r.key()))
                                .toList(),
                        l -> !l.isEmpty());
        assertThat(links.get(0).value()).contains("\"userId\":\"" + userId + "\"", "\"via\":\"" + via + "\"");
    }
}
