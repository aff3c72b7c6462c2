package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #21, "Accepted means stored": a corpus of awkward strings, each in the path of a pair of events. Every event
 * answered 2xx is, byte for byte, in the raw store and counted by every consumer; every other one got a 4xx
 * problem and left nothing behind.
 */
class AwkwardStringsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Each awkward string (as Java text; JSON escapes come from Jackson) and whether it must be refused. */
    private static final Map<String, Boolean> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("nul \u0000 inside", true);
        CORPUS.put("lone high surrogate \uD800 inside", true);
        CORPUS.put("lone low surrogate \uDC00 inside", true);
        CORPUS.put("four-byte \uD83C\uDF38 rose \uD83D\uDC69\u200D\uD83D\uDD2C", false);
        CORPUS.put("right-to-left \u200F\u05E9\u05DC\u05D5\u05DD \u202Eoverride", false);
        CORPUS.put("e" + "\u0301".repeat(10_000), false);
        CORPUS.put("\uFEFFbyte order mark", false);
        CORPUS.put("quotes \" and \\ backslash and '; drop table user_session; --", false);
        CORPUS.put("<script>alert(1)</script>", false);
        CORPUS.put("tab\tnewline\ncarriage\r", false);
    }

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void everyAcceptedStringIsStoredEverywhereAndEveryOtherIsA4xx() throws Exception {
        List<Probe> accepted = new ArrayList<>();
        List<Probe> refused = new ArrayList<>();
        for (Map.Entry<String, Boolean> entry : CORPUS.entrySet()) {
            Probe probe = new Probe(entry.getKey());
            int view = post(probe.view());
            int shown = post(probe.shown());
            if (view == 202 && shown == 202) {
                accepted.add(probe);
            } else {
                assertThat(List.of(view, shown))
                        .as("%s: both 202 or both 4xx", probe.label())
                        .allSatisfy(status -> assertThat(status).isBetween(400, 499));
                refused.add(probe);
            }
        }
        assertThat(refused.stream().map(Probe::label))
                .as("the strings that cannot be stored are refused at the door")
                .containsAll(CORPUS.entrySet().stream()
                        .filter(Map.Entry::getValue)
                        .map(e -> new Probe(e.getKey()).label())
                        .toList());
        assertThat(accepted).as("most of the corpus is storable text").hasSizeGreaterThanOrEqualTo(5);

        for (Probe probe : accepted) {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode events = json(RunningSystem.COLLECTOR, "/v1/events?sessionId=" + probe.session);
                assertThat(events.path("items")).hasSize(2);
                for (JsonNode event : events.path("items")) {
                    assertThat(event.path("path").asText()).as(probe.label()).isEqualTo(probe.path());
                }
            });
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(json(RunningSystem.SESSIONS, "/v1/sessions/" + probe.session)
                                    .path("entryPage")
                                    .asText())
                            .as(probe.label())
                            .isEqualTo(probe.path()));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PROFILES))
                            .get("/v1/profiles/" + probe.user)
                            .then()
                            .statusCode(200));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.PERFUME_STATS))
                            .get("/v1/perfumes/" + probe.perfume + "/stats")
                            .then()
                            .statusCode(200)
                            .body("totalViews", equalTo(1)));
            await().atMost(WAIT)
                    .untilAsserted(() -> given().baseUri(system.url(RunningSystem.RECOMMENDATIONS))
                            .get("/v1/recommendations/" + probe.recommendation + "/feedback")
                            .then()
                            .statusCode(200)
                            .body("items", hasSize(1)));
        }
        for (Probe probe : refused) {
            assertThat(json(RunningSystem.COLLECTOR, "/v1/events?sessionId=" + probe.session)
                            .path("items"))
                    .as("nothing of a refused event is stored: %s", probe.label())
                    .isEmpty();
        }
    }

    private static int post(ObjectNode event) {
        Response response = given().baseUri(system.url(RunningSystem.COLLECTOR))
                .contentType(ContentType.JSON)
                .body(escapeLoneSurrogates(event.toString()))
                .post("/v1/events");
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        return response.statusCode();
    }

    /**
     * A lone surrogate has no UTF-8 encoding (the HTTP client would send '?'): a client can only send it as a JSON
     * escape, so that is how it is sent.
     */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode json(String service, String path) throws Exception {
        return ScriptedStream.JSON.readTree(given().baseUri(system.url(service))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** One awkward string's pair of events, with ids unique to it. */
    private static final class Probe {
        final String text;
        final String id = UUID.randomUUID().toString().substring(0, 8);
        final String session = "awkward-s-" + id;
        final String user = "awkward-u-" + id;
        final String perfume = "awkward-p-" + id;
        final String recommendation = "awkward-r-" + id;
        final String timestamp = Instant.now().minusSeconds(5).toString();

        Probe(String text) {
            this.text = text;
        }

        String label() {
            String printable = text.codePoints()
                    .limit(24)
                    .mapToObj(c -> Character.isISOControl(c) || Character.isSurrogate((char) c)
                            ? String.format("\\u%04X", c)
                            : Character.toString(c))
                    .reduce("", String::concat);
            return printable + (text.length() > 24 ? "…" : "");
        }

        String path() {
            return "/perfumes/" + text;
        }

        ObjectNode view() {
            ObjectNode event = envelope("PERFUME_VIEW");
            ObjectNode data = event.putObject("eventData");
            data.put("title", "Awkward strings")
                    .put("viewDuration", 1234.5)
                    .put("scrollDepth", 55.5)
                    .put("timeToInteraction", 800)
                    .put("source", "direct")
                    .put("deviceType", "desktop");
            data.putObject("viewport").put("width", 1280).put("height", 800);
            return event;
        }

        ObjectNode shown() {
            ObjectNode event = envelope("RECOMMENDATION_SHOWN");
            event.put("recommendationId", recommendation);
            event.putObject("eventData")
                    .put("algorithm", "trending")
                    .put("source", "homepage")
                    .put("position", 0);
            return event;
        }

        private ObjectNode envelope(String type) {
            ObjectNode event = ScriptedStream.JSON.createObjectNode();
            event.put("eventType", type)
                    .put("sessionId", session)
                    .put("userId", user)
                    .put("perfumeId", perfume)
                    .put("timestamp", timestamp)
                    .put("path", path())
                    .put("userAgent", ScriptedStream.BROWSER);
            return event;
        }
    }
}
