package com.newsmell.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.BiFunction;

/** Plain HTTP/1.1 calls to the running services, as a dashboard or curl makes them. */
final class Http {

    /** The API's one instant format (ADR 0015): UTC, milliseconds. */
    static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * The Authorization a request carries, by method and path, unless it names its own (issue 16: the write key or a
     * bearer token; a blank Authorization header sends none).
     */
    private static volatile BiFunction<String, String, String> authorization;

    private Http() {}

    static void authorization(BiFunction<String, String, String> byMethodAndPath) {
        authorization = byMethodAndPath;
    }

    record Response(String method, String uri, int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return ScriptedStream.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(describe() + " is not JSON", e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String describe() {
            return method + " " + uri + " -> " + status + " "
                    + (body.length() > 400 ? body.substring(0, 400) + "..." : body);
        }
    }

    static Response get(String uri) {
        return get(uri, Map.of());
    }

    static Response get(String uri, Map<String, String> headers) {
        return send("GET", uri, headers, HttpRequest.BodyPublishers.noBody());
    }

    static Response options(String uri, Map<String, String> headers) {
        return send("OPTIONS", uri, headers, HttpRequest.BodyPublishers.noBody());
    }

    /** POSTs JSON and requires a 2xx. */
    static Response post(String uri, String json) {
        Response r = send(
                "POST", uri, Map.of("Content-Type", "application/json"), HttpRequest.BodyPublishers.ofString(json));
        if (r.status() / 100 != 2) {
            throw new AssertionError(r.describe());
        }
        return r;
    }

    /** GETs JSON and requires a 200. */
    static JsonNode json(String uri) {
        Response r = get(uri);
        if (r.status() != 200) {
            throw new AssertionError(r.describe());
        }
        return r.json();
    }

    static Response send(String method, String uri, Map<String, String> headers, String body) {
        return send(method, uri, headers, HttpRequest.BodyPublishers.ofString(body));
    }

    private static Response send(
            String method, String uri, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach((name, value) -> {
            if (!value.isBlank()) {
                request.header(name, value);
            }
        });
        if (authorization != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            request.header(
                    "Authorization", authorization.apply(method, URI.create(uri).getPath()));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, uri, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
