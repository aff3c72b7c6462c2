package com.newsmell.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.ParseResult;
import com.newsmell.contract.PerfumeCatalogParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A tiny in-process stand-in for the event-collector's {@code POST /v1/events/batch}: validates each event with
 * {@link EventParser}, answers 202 with accepted/rejected/eventIds/results, can answer 503 (Retry-After: 0) to the
 * first N requests, and records what it received.
 */
final class FakeCollector implements AutoCloseable {

    /** One request as received. */
    record Request(int status, List<String> eventIds, String contentType, String authorization) {}

    private final HttpServer server;
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile IntPredicate rejectIndex = i -> false;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private final AtomicInteger rejectedCount = new AtomicInteger();
    private final List<String> catalogPerfumeIds = Collections.synchronizedList(new ArrayList<>());
    private final List<Instant> timestamps = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger catalogRequests = new AtomicInteger();
    private volatile long catalogBeforeEvents = -1;

    FakeCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(CollectorClient.BATCH_PATH, this::handle);
        server.createContext(CatalogFeed.BATCH_PATH, this::handleCatalog);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    /** The next {@code n} requests get a 503. */
    FakeCollector unavailableFor(int n) {
        unavailable.set(n);
        return this;
    }

    /** Events whose index in the batch matches are rejected (as if invalid). */
    FakeCollector rejecting(IntPredicate index) {
        rejectIndex = index;
        return this;
    }

    /** Every event's timestamp, in the order received. */
    List<Instant> timestamps() {
        synchronized (timestamps) {
            return List.copyOf(timestamps);
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    int acceptedCount() {
        return acceptedCount.get();
    }

    int rejectedCount() {
        return rejectedCount.get();
    }

    /** The perfumeIds of the catalog entries received, valid by the contract's parser, in order. */
    List<String> catalogPerfumeIds() {
        synchronized (catalogPerfumeIds) {
            return List.copyOf(catalogPerfumeIds);
        }
    }

    int catalogRequests() {
        return catalogRequests.get();
    }

    /** How many event requests had arrived when the last catalog request arrived. */
    long eventRequestsBeforeCatalog() {
        return catalogBeforeEvents;
    }

    /** The catalog's batch: checks each entry with the contract's parser, answers 200 with per-item results. */
    private void handleCatalog(HttpExchange exchange) throws IOException {
        try (exchange) {
            catalogBeforeEvents = requests.size();
            catalogRequests.incrementAndGet();
            JsonNode perfumes = EventCodec.mapper()
                    .readTree(exchange.getRequestBody().readAllBytes())
                    .get("perfumes");
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode results = answer.putArray("results");
            int ok = 0;
            for (int i = 0; i < perfumes.size(); i++) {
                var parsed = PerfumeCatalogParser.parse(perfumes.get(i));
                ObjectNode result = results.addObject().put("index", i);
                if (parsed.valid()) {
                    ok++;
                    catalogPerfumeIds.add(parsed.entry().perfumeId());
                    result.put("status", "accepted")
                            .put("perfumeId", parsed.entry().perfumeId());
                } else {
                    result.put("status", "rejected")
                            .put("errors", parsed.violations().toString());
                }
            }
            answer.put("accepted", ok).put("rejected", perfumes.size() - ok);
            respond(exchange, 200, "application/json", answer.toString());
        }
    }

    Set<String> acceptedIds() {
        return Set.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "application/problem+json", "{\"status\":405}");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode body =
                    EventCodec.mapper().readTree(exchange.getRequestBody().readAllBytes());
            JsonNode events = body.get("events");
            List<String> ids = new ArrayList<>();
            events.forEach(e -> ids.add(e.path("eventId").asText(null)));
            events.forEach(e -> timestamps.add(Instant.parse(e.path("timestamp").asText())));
            if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                requests.add(new Request(503, ids, contentType, authorization));
                exchange.getResponseHeaders().add("Retry-After", "0");
                respond(
                        exchange,
                        503,
                        "application/problem+json",
                        "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Kafka is unavailable\"}");
                return;
            }
            requests.add(new Request(202, ids, contentType, authorization));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode eventIds = JsonNodeFactory.instance.arrayNode();
            ArrayNode results = JsonNodeFactory.instance.arrayNode();
            int ok = 0;
            for (int i = 0; i < events.size(); i++) {
                ParseResult r = EventParser.parse(events.get(i));
                ObjectNode result = results.addObject().put("index", i);
                if (r.valid() && !rejectIndex.test(i)) {
                    ok++;
                    eventIds.add(r.event().eventId());
                    accepted.add(r.event().eventId());
                    result.put("status", "accepted").put("eventId", r.event().eventId());
                } else {
                    result.put("status", "rejected");
                    result.putArray("errors")
                            .addObject()
                            .put("pointer", "/events/" + i + "/sessionId")
                            .put("rule", "required")
                            .put(
                                    "detail",
                                    r.valid()
                                            ? "rejected by the test"
                                            : r.violations().toString());
                }
            }
            acceptedCount.addAndGet(ok);
            rejectedCount.addAndGet(events.size() - ok);
            answer.put("accepted", ok).put("rejected", events.size() - ok);
            answer.set("eventIds", eventIds);
            answer.set("results", results);
            respond(exchange, 202, "application/json", answer.toString());
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
