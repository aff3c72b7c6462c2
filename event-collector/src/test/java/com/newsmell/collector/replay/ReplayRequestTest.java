package com.newsmell.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay request's rules (pure). */
class ReplayRequestTest {

    private static final List<String> SERVICES = List.of("session-service", "perfume-stats-service");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static ObjectNode body(String service, String from, String to) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("service", service);
        node.put("from", from);
        node.put("to", to);
        return node;
    }

    private static ReplayRequest of(ObjectNode body) {
        return ReplayRequest.of(body, SERVICES, Duration.ofDays(731), NOW);
    }

    @Test
    void aKnownServiceAndAnOrderedRangeInThePastAreAccepted() {
        assertThat(of(body("session-service", "2026-01-01T00:00:00Z", "2026-12-06T12:00:00Z")))
                .isEqualTo(new ReplayRequest(
                        "session-service",
                        "session-service",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-12-06T12:00:00Z")));
    }

    @Test
    void aTargetIsTheServicesNameWithASuffix() {
        ObjectNode body = body("session-service", "2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z");
        body.put("target", "session-service-rebuild-2");
        assertThat(of(body).target()).isEqualTo("session-service-rebuild-2");
        for (String wrong : List.of(
                "perfume-stats-service-rebuild",
                "session-service-",
                "session-serviceX",
                "session-service-Rebuild",
                "session-service-../x",
                "session-service-" + "a".repeat(90))) {
            body.put("target", wrong);
            assertThat(rules(body)).as(wrong).containsExactly("/target pattern");
        }
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(rules(body("event-collector", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")))
                .containsExactly("/service enum");
        assertThat(rules(body("session-service", "2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z")))
                .containsExactly("/to after-from");
        assertThat(rules(body("session-service", "2024-11-01T00:00:00Z", "2026-12-02T00:00:00Z")))
                .containsExactly("/to max-range");
        assertThat(rules(body("session-service", "2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z")))
                .containsExactly("/to not-future");
        assertThat(rules(body("session-service", "1 Jan", "2026-12-01T00:00:00Z")))
                .containsExactly("/from format");
        assertThat(rules(new ObjectMapper().createObjectNode()))
                .containsExactly("/service required", "/from required", "/to required");
    }

    private static List<String> rules(ObjectNode body) {
        try {
            of(body);
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            return e.problem().errors().stream()
                    .map(v -> v.pointer() + " " + v.rule())
                    .toList();
        }
        throw new AssertionError("accepted " + body);
    }
}
