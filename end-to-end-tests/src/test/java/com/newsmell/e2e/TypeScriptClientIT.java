package com.newsmell.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #20: the typed TypeScript client's events (batched fetches and a text/plain beacon) reach the running collector,
 * pass its validation and are stored. Needs Node.js and the client built (its Maven module's npm test builds dist/);
 * without them it is skipped, loudly.
 */
class TypeScriptClientIT {

    private static final Path CLIENT = Path.of("").toAbsolutePath().getParent().resolve("clients/typescript");

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        boolean node =
                Files.isExecutable(Path.of("/usr/bin/node")) || Files.isExecutable(Path.of("/usr/local/bin/node"));
        boolean built = Files.exists(CLIENT.resolve("dist/index.js"));
        if (!node || !built) {
            System.err.println("########## SKIPPED TypeScriptClientIT: "
                    + (node ? "clients/typescript is not built (npm test builds it)" : "Node.js not found")
                    + " ##########");
        }
        Assumptions.assumeTrue(node && built, "Node.js and a built clients/typescript");
        system = RunningSystem.shared();
    }

    @Test
    void theClientsEventsReachTheCollectorAndPassValidation() throws Exception {
        String session = "ts-client-" + UUID.randomUUID().toString().substring(0, 8);
        Process process = new ProcessBuilder(
                        "node",
                        "e2e/send-to-collector.mjs",
                        system.url(RunningSystem.COLLECTOR),
                        session,
                        system.writeKey())
                .directory(CLIENT.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode sent =
                ScriptedStream.JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        List<String> ids = new ArrayList<>();
        sent.forEach(e -> ids.add(e.path("eventId").asText()));
        assertThat(ids).hasSize(5);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode stored = ScriptedStream.JSON.readTree(given().baseUri(system.url(RunningSystem.COLLECTOR))
                    .get("/v1/events?sessionId=" + session)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            List<String> storedIds = new ArrayList<>();
            stored.path("items").forEach(e -> storedIds.add(e.path("eventId").asText()));
            assertThat(storedIds).containsExactlyInAnyOrderElementsOf(ids);
        });
    }
}
