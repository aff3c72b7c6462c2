package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Rate limits and abuse": no raw IP address, email address or free text in the services' logs. The test
 * plants them where clients put them (the X-Forwarded-For address, a userId and a write key that are emails, a search
 * query, a referrer, a user agent, an event that is rejected and dead-lettered with them), lets every service process
 * them, then reads the five services' logs.
 */
class LogPrivacyIT {

    @Test
    void plantedAddressesEmailsAndFreeTextNeverReachTheLogs() throws IOException {
        RunningSystem system = RunningSystem.shared();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String ip = "203.0.113." + (10 + Math.abs(marker.hashCode() % 200));
        String email = "planted." + marker + "@example.com";
        String freeText = "my planted secret words " + marker;
        String session = "log-privacy-" + marker;
        Instant at = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        ObjectNode body = ScriptedStream.JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        events.add(event(session, email, "PAGE_VIEW", at, d -> {})
                .put("referrer", "https://mail.example/?to=" + email)
                .put("userAgent", ScriptedStream.BROWSER + " " + email));
        events.add(event(
                session,
                email,
                "SEARCH_PERFORMED",
                at.plusSeconds(5),
                d -> d.put("query", freeText).put("resultsShown", 3).put("resultsCount", 3)));
        // Rejected (rating out of range) and dead-lettered: the reason and the sample must not log the values either.
        events.add(event(
                        session,
                        email,
                        "RATING_COMPLETED",
                        at.plusSeconds(10),
                        d -> d.putObject("ratings").put("overall", 70))
                .put("perfumeId", freeText));
        String answer = given().header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post(system.url(RunningSystem.COLLECTOR) + "/v1/events/batch")
                .then()
                .statusCode(202)
                .extract()
                .asString();
        assertThat(ScriptedStream.JSON.readTree(answer).path("accepted").asInt())
                .as(answer)
                .isEqualTo(2);
        // A write key that is an email, refused.
        given().auth()
                .preemptive()
                .basic(email, "")
                .header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post(system.url(RunningSystem.COLLECTOR) + "/v1/events/batch")
                .then()
                .statusCode(401);

        // Processed everywhere it goes: the raw store, and the session's search.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(Http.get(system.url(RunningSystem.COLLECTOR) + "/v1/events?sessionId=" + session)
                            .json()
                            .path("items")
                            .size())
                    .isEqualTo(2);
            assertThat(Http.get(system.url(RunningSystem.SESSIONS) + "/v1/search/queries?sessionId=" + session)
                            .json()
                            .path("items")
                            .size())
                    .isEqualTo(1);
        });

        List<String> leaks = new ArrayList<>();
        for (Path log : system.logs()) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as(log + " is written").isNotEmpty();
            for (String line : lines) {
                if (line.contains(ip) || line.contains(email) || line.contains(freeText)) {
                    leaks.add(log.getFileName() + ": " + line);
                }
            }
        }
        assertThat(leaks)
                .as("log lines holding a planted address, email or free text")
                .isEmpty();
    }

    private static ObjectNode event(
            String session, String user, String type, Instant at, java.util.function.Consumer<ObjectNode> data) {
        ObjectNode e = ScriptedStream.JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("sessionId", session);
        e.put("userId", user);
        e.put("eventType", type);
        e.put("timestamp", at.toString());
        e.put("path", "/search");
        e.put("userAgent", ScriptedStream.BROWSER);
        ObjectNode eventData = e.putObject("eventData");
        data.accept(eventData);
        ScriptedStream.completeAsTheSeedRequires(type, eventData);
        return e;
    }
}
