package com.newsmell.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Sends batches to the collector's {@code POST /v1/events/batch}. Every event keeps its eventId across attempts,
 * so a retry after a 503 (honouring Retry-After), a 5xx or a connection error is idempotent; {@code sentAt} is set
 * to the time of each attempt. Batches larger than {@link #MAX_BODY_BYTES} are split. Thread-safe.
 */
public final class CollectorClient {

    /** Path of the batch endpoint. */
    public static final String BATCH_PATH = "/v1/events/batch";

    /** Largest request body sent (the collector accepts 1 MB). */
    public static final int MAX_BODY_BYTES = 1_000_000;

    /** Longest wait between two attempts, whatever Retry-After says. */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);

    /**
     * Outcome of one batch.
     *
     * @param status last HTTP status, or -1 when the last attempt got no response
     * @param accepted accepted events
     * @param rejected rejected events
     * @param failed events not delivered
     * @param attempts HTTP attempts made
     * @param retries attempts after the first one (summed over split parts)
     * @param latencyNanos round trip of the last attempt that got a response (sum over split parts), -1 if none
     * @param errors a few rejection/failure messages
     */
    public record BatchOutcome(
            int status,
            int accepted,
            int rejected,
            int failed,
            int attempts,
            int retries,
            long latencyNanos,
            List<String> errors) {}

    private final String base;
    private final URI endpoint;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final String authorization;

    public CollectorClient(URI baseUrl, Duration requestTimeout, int maxAttempts) {
        this(baseUrl, requestTimeout, maxAttempts, null);
    }

    /** With the collector's write key (issue 16), sent as the Basic-auth user name with an empty password. */
    public CollectorClient(URI baseUrl, Duration requestTimeout, int maxAttempts, String writeKey) {
        this.authorization = writeKey == null
                ? null
                : "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((writeKey + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.endpoint = URI.create(base + BATCH_PATH);
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The URL of a path of the collector. */
    URI endpoint(String path) {
        return URI.create(base + path);
    }

    /** The request body for {@code events}, with {@code sentAt}. */
    public static byte[] body(List<UserInteractionEvent> events, Instant sentAt) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("events");
        String sent = sentAt.truncatedTo(ChronoUnit.MILLIS).toString();
        for (UserInteractionEvent e : events) {
            ObjectNode node = EventCodec.toJsonNode(e);
            node.put("sentAt", sent);
            array.add(node);
        }
        try {
            return EventCodec.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the events (split when too large), retrying transient failures with the same eventIds. */
    public BatchOutcome send(List<UserInteractionEvent> events) {
        if (events.isEmpty()) {
            return new BatchOutcome(0, 0, 0, 0, 0, 0, -1, List.of());
        }
        byte[] body = body(events, Instant.now());
        if (body.length > MAX_BODY_BYTES && events.size() > 1) {
            int half = events.size() / 2;
            return merge(send(events.subList(0, half)), send(events.subList(half, events.size())));
        }
        int n = events.size();
        Delivery d = post(BATCH_PATH, () -> body(events, Instant.now()));
        if (d.answered()) {
            return accepted(d.response(), n, d.attempts(), d.latencyNanos());
        }
        if (d.response() != null && !d.interrupted() && !retryable(d.status())) {
            return new BatchOutcome(d.status(), 0, n, 0, d.attempts(), d.attempts() - 1, d.latencyNanos(), d.errors());
        }
        return new BatchOutcome(d.status(), 0, 0, n, d.attempts(), d.attempts() - 1, d.latencyNanos(), d.errors());
    }

    /**
     * What one POST with retries ended with.
     *
     * @param response the last response, null when the last attempt got none
     * @param status its status, -1 without one
     * @param attempts HTTP attempts made
     * @param latencyNanos round trip of the last attempt that got a response, -1 if none
     * @param errors a message per failed attempt
     * @param interrupted whether the thread was interrupted meanwhile
     */
    record Delivery(
            HttpResponse<String> response,
            int status,
            int attempts,
            long latencyNanos,
            List<String> errors,
            boolean interrupted) {

        /** A 2xx answer. */
        boolean answered() {
            return response != null && status >= 200 && status < 300;
        }
    }

    /**
     * POSTs a JSON body to {@code path} of the collector, retrying a 429, a 5xx or a connection error (honouring
     * Retry-After) up to the client's attempts; the body is made anew for each attempt. The collector's write APIs
     * are idempotent (eventIds, versioned catalog entries), so a retry is too.
     */
    Delivery post(String path, Supplier<byte[]> body) {
        URI target = URI.create(base + path);
        List<String> errors = new ArrayList<>();
        int attempts = 0;
        int status = -1;
        long latency = -1;
        HttpResponse<String> response = null;
        while (true) {
            attempts++;
            HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.get()));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            HttpRequest request = builder.build();
            Duration wait;
            long started = System.nanoTime();
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
                latency = System.nanoTime() - started;
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Delivery(response, status, attempts, latency, errors, false);
                }
                if (!retryable(status)) {
                    errors.add("HTTP " + status + ": " + abbreviate(response.body()));
                    return new Delivery(response, status, attempts, latency, errors, false);
                }
                wait = retryAfter(response, attempts);
                errors.add("HTTP " + status);
            } catch (IOException e) {
                response = null;
                status = -1;
                wait = backoff(attempts);
                errors.add("cannot reach " + target + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add("interrupted");
                return new Delivery(response, status, attempts, latency, errors, true);
            }
            if (attempts >= maxAttempts || !pause(wait)) {
                return new Delivery(
                        response,
                        status,
                        attempts,
                        latency,
                        errors,
                        Thread.currentThread().isInterrupted());
            }
        }
    }

    static boolean retryable(int status) {
        return status == 503 || status == 502 || status == 504 || status == 429 || status == 500;
    }

    private static BatchOutcome accepted(HttpResponse<String> response, int n, int attempts, long latency) {
        int accepted = n;
        int rejected = 0;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode json = EventCodec.mapper().readTree(response.body());
            if (json != null && json.has("accepted")) {
                accepted = json.get("accepted").asInt();
                rejected = json.path("rejected").asInt(n - accepted);
            }
            if (json != null && json.has("results")) {
                for (JsonNode r : json.get("results")) {
                    if ("rejected".equals(r.path("status").asText()) && errors.size() < 3) {
                        for (JsonNode err : r.path("errors")) {
                            errors.add("event " + r.path("index").asInt() + ": "
                                    + err.path("pointer").asText() + " "
                                    + err.path("rule").asText() + " "
                                    + err.path("detail").asText());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A 2xx without a readable body: everything was accepted.
        }
        return new BatchOutcome(response.statusCode(), accepted, rejected, 0, attempts, attempts - 1, latency, errors);
    }

    private static Duration retryAfter(HttpResponse<?> response, int attempt) {
        return response.headers()
                .firstValue("Retry-After")
                .map(v -> {
                    try {
                        long seconds = Long.parseLong(v.trim());
                        return Duration.ofSeconds(Math.max(0, seconds));
                    } catch (NumberFormatException e) {
                        return backoff(attempt);
                    }
                })
                .map(d -> d.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : d)
                .orElseGet(() -> backoff(attempt));
    }

    private static Duration backoff(int attempt) {
        long millis = Math.min(5_000, 100L << Math.min(10, attempt - 1));
        return Duration.ofMillis(millis);
    }

    /** Waits; false when interrupted. */
    private static boolean pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return !Thread.currentThread().isInterrupted();
    }

    private static BatchOutcome merge(BatchOutcome a, BatchOutcome b) {
        List<String> errors = new ArrayList<>(a.errors());
        errors.addAll(b.errors());
        long latency = a.latencyNanos() < 0
                ? b.latencyNanos()
                : b.latencyNanos() < 0 ? a.latencyNanos() : a.latencyNanos() + b.latencyNanos();
        return new BatchOutcome(
                b.status(),
                a.accepted() + b.accepted(),
                a.rejected() + b.rejected(),
                a.failed() + b.failed(),
                a.attempts() + b.attempts(),
                a.retries() + b.retries(),
                latency,
                errors);
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + " " + t.getMessage();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "...";
    }
}
