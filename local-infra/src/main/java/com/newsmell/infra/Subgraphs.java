package com.newsmell.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test helpers for a service's GraphQL federation subgraph (issue 14): posting a query, and checking that the SDL
 * the subgraph serves ({@code _service { sdl }}) is the one committed in graphql-gateway/subgraphs/, which the
 * gateway's supergraph is composed from. {@code -Dnewsmell.graphql.write-sdl=true} writes the served SDL there
 * instead (then {@code npm run compose} in graphql-gateway/ recomposes the supergraph).
 */
public final class Subgraphs {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: the gateway (Node) does not take Java's h2c upgrade. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Subgraphs() {}

    /**
     * POSTs the query (with variables) to {@code <baseUrl>/graphql}, with this run's analyst token (ADR 0063), and returns
     * the whole answer.
     */
    public static JsonNode post(String baseUrl, String query, Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Authorization", "Bearer " + Tokens.shared().analyst())
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("POST /graphql answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's data; fails naming the errors when there are any. */
    public static JsonNode data(String baseUrl, String query, Map<String, Object> variables) {
        JsonNode answer = post(baseUrl, query, variables);
        if (answer.has("errors")) {
            throw new AssertionError("GraphQL errors: " + answer.get("errors"));
        }
        return answer.get("data");
    }

    /** The committed SDL file of a subgraph, in the repository the module is built in. */
    public static Path committedSdl(String subgraph) {
        return Path.of("").toAbsolutePath().getParent().resolve("graphql-gateway/subgraphs/" + subgraph + ".graphql");
    }

    /**
     * The served SDL; with {@code -Dnewsmell.graphql.write-sdl=true} also written to the committed file. The caller
     * asserts that it equals the committed one.
     */
    public static String servedSdl(String baseUrl, String subgraph) {
        String sdl = data(baseUrl, "{ _service { sdl } }", Map.of())
                        .get("_service")
                        .get("sdl")
                        .asText()
                        .strip()
                + "\n";
        if (Boolean.getBoolean("newsmell.graphql.write-sdl")) {
            try {
                Files.writeString(committedSdl(subgraph), sdl);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sdl;
    }

    /**
     * Fails unless the SDL the subgraph serves is the committed one and contains {@code mustContain} (its entity or
     * root field); with {@code -Dnewsmell.graphql.write-sdl=true} the served SDL is written first.
     */
    public static void assertServedSdlIsCommitted(String baseUrl, String subgraph, String mustContain) {
        String served = servedSdl(baseUrl, subgraph);
        if (!served.equals(committed(subgraph))) {
            throw new AssertionError("graphql-gateway/subgraphs/" + subgraph + ".graphql is stale: run the subgraph"
                    + " test with -Dnewsmell.graphql.write-sdl=true, then npm run compose in graphql-gateway/");
        }
        if (!served.contains(mustContain)) {
            throw new AssertionError("the " + subgraph + " subgraph's SDL has no " + mustContain);
        }
    }

    /** The committed SDL, or "" when there is none yet. */
    public static String committed(String subgraph) {
        Path file = committedSdl(subgraph);
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
