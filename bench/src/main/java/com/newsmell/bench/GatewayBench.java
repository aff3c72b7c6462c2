package com.newsmell.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.infra.Credentials;
import com.newsmell.infra.GatewayProcess;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.infra.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The GraphQL gateway's latency for the two joined queries (issue 14), beside the direct REST calls a client would
 * make for the same values, in the same run against the same services: a perfume's stats with its recommendation
 * figures (GET stats + GET metrics), a user's profile with their sessions (GET profile + GET sessions). Sequential
 * requests, p50 and p99 of each.
 *
 * <p>Usage: {@code GatewayBench [--requests N] [--repo DIR]}.
 */
public final class GatewayBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A browser's user agent: the collector flags unknown clients as bots, which the figures leave out. */
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    /** The read APIs' and GraphQL's token (ADR 0063): this run's analyst, which the services started here verify. */
    private static final String ANALYST = Credentials.bearer(Tokens.shared().analyst());

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        int requests = 500;
        Path repo = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        GatewayProcess.unavailable(repo).ifPresent(why -> {
            throw new IllegalStateException("the gateway cannot run: " + why);
        });
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("event-collector", "collector");
        modules.put("session-service", "session");
        modules.put("profile-service", "profile");
        modules.put("perfume-stats-service", "perfume_stats");
        modules.put("recommendation-feedback-service", "recommendation_feedback");
        List<ServiceProcess> services = new ArrayList<>();
        GatewayProcess gateway = null;
        try {
            long starting = System.nanoTime();
            for (var m : modules.entrySet()) {
                services.add(ServiceProcess.start(repo, m.getKey(), m.getValue(), Map.of()));
            }
            for (ServiceProcess s : services) {
                s.awaitReady(Duration.ofMinutes(4));
            }
            double allReady = (System.nanoTime() - starting) / 1e9;
            Row.print(
                    "all five services: JVM start to all ready, at once",
                    String.format("%.1f s", allReady),
                    "—",
                    "—",
                    "— (recorded; 2 cores)",
                    "—");
            String collector = services.get(0).baseUrl();
            String sessions = services.get(1).baseUrl();
            String profiles = services.get(2).baseUrl();
            String stats = services.get(3).baseUrl();
            String reco = services.get(4).baseUrl();
            gateway = GatewayProcess.start(
                            repo,
                            Map.of(
                                    "event-collector", collector,
                                    "session", sessions,
                                    "profile", profiles,
                                    "perfume-stats", stats,
                                    "recommendation-feedback", reco))
                    .awaitReady(Duration.ofMinutes(2));
            String graphql = gateway.baseUrl() + "/graphql";

            String run = UUID.randomUUID().toString().substring(0, 8);
            String user = "bench-user-" + run;
            String perfume = "bench-p-" + run;
            Instant t0 = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
            String accepted = post(
                    collector + "/v1/events/batch",
                    events(run, user, perfume, t0),
                    Credentials.basic(services.get(0).writeKey()));
            if (!accepted.contains("\"rejected\":0")) {
                throw new IllegalStateException("the collector rejected events: " + accepted);
            }
            String from = t0.truncatedTo(ChronoUnit.DAYS).toString();
            String to = Instant.now()
                    .truncatedTo(ChronoUnit.DAYS)
                    .plus(Duration.ofDays(1))
                    .toString();
            String metrics = reco + "/v1/recommendations/metrics?from=" + from + "&to=" + to
                    + "&filters=perfumeId%3D%3D" + perfume;
            awaitStatus(stats + "/v1/perfumes/" + perfume + "/stats");
            awaitStatus(sessions + "/v1/sessions?userId=" + user);
            post(profiles + "/v1/profiles/" + user + "/recompute", "");

            String perfumeQuery = body(
                    "query($p: String!, $from: String!, $to: String!) { perfume(perfumeId: $p) { perfumeId stats {"
                            + " totalViews recommendationCTR } recommendation(from: $from, to: $to) { impressions"
                            + " clicks clickThroughRate } } }",
                    Map.of("p", perfume, "from", from, "to", to));
            String userQuery = body(
                    "query($u: String!) { user(userId: $u) { profile { totalPageViews engagementScore } sessions("
                            + "limit: 10) { items { startTime pageViews } } } }",
                    Map.of("u", user));
            int warmup = Math.min(100, requests);
            Callable<Void> gatewayPerfume = () -> graphql(graphql, perfumeQuery);
            Callable<Void> restPerfume = () -> {
                get(stats + "/v1/perfumes/" + perfume + "/stats");
                get(metrics);
                return null;
            };
            Callable<Void> gatewayUser = () -> graphql(graphql, userQuery);
            Callable<Void> restUser = () -> {
                get(profiles + "/v1/profiles/" + user);
                get(sessions + "/v1/sessions?userId=" + user + "&limit=10");
                return null;
            };
            for (Callable<Void> c : List.of(gatewayPerfume, restPerfume, gatewayUser, restUser)) {
                time(c, warmup);
            }
            report("perfume stats + recommendation CTR", time(gatewayPerfume, requests), time(restPerfume, requests));
            report("user profile + sessions", time(gatewayUser, requests), time(restUser, requests));
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            services.forEach(ServiceProcess::close);
        }
    }

    private static void report(String what, double[] gateway, double[] rest) {
        Row.compared(
                "graphql-gateway p99, " + what,
                String.format("%.2f ms", percentile(gateway, 99)),
                String.format("two REST calls %.2f ms", percentile(rest, 99)),
                percentile(gateway, 99) / percentile(rest, 99));
        System.out.printf(
                "RESULT %s, %d sequential requests: gateway (one GraphQL query) p50 %.2f ms, p99 %.2f ms;"
                        + " direct REST (two calls, one after the other) p50 %.2f ms, p99 %.2f ms%n",
                what,
                gateway.length,
                percentile(gateway, 50),
                percentile(gateway, 99),
                percentile(rest, 50),
                percentile(rest, 99));
    }

    private static double[] time(Callable<Void> call, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            call.call();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String events(String run, String user, String perfume, Instant t0) {
        ObjectNode batch = JSON.createObjectNode();
        var list = batch.putArray("events");
        String session = "bench-s-" + run;
        String rec = "bench-rec-" + run;
        String[][] script = {
            {"PAGE_VIEW", null},
            {"PERFUME_VIEW", perfume},
            {"RECOMMENDATION_SHOWN", perfume},
            {"RECOMMENDATION_CLICKED", perfume},
            {"PERFUME_VIEW", perfume}
        };
        for (int i = 0; i < script.length; i++) {
            ObjectNode e = list.addObject()
                    .put("eventId", UUID.randomUUID().toString())
                    .put("sessionId", session)
                    .put("userId", user)
                    .put("eventType", script[i][0])
                    .put("timestamp", t0.plusSeconds(10L * i).toString())
                    .put("path", "/")
                    .put("userAgent", BROWSER);
            ObjectNode data = e.putObject("eventData");
            if (script[i][0].endsWith("_VIEW")) {
                data.put("title", "New Smell")
                        .put("viewDuration", 1000)
                        .put("scrollDepth", 50)
                        .put("source", "direct")
                        .put("deviceType", "desktop");
                data.putObject("viewport").put("width", 1280).put("height", 800);
            }
            if (script[i][1] != null) {
                e.put("perfumeId", script[i][1]);
            }
            if (script[i][0].startsWith("RECOMMENDATION")) {
                e.put("recommendationId", rec);
                data.put("algorithm", "hybrid_v2")
                        .put("source", "homepage")
                        .put("position", 0)
                        .put("confidence", 0.8)
                        .put("similarityScore", 0.6);
            }
        }
        return batch.toString();
    }

    private static String body(String query, Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        return body.toString();
    }

    private static Void graphql(String url, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("content-type", "application/json")
                        .header("authorization", ANALYST)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body());
        if (r.statusCode() != 200 || answer.has("errors")) {
            throw new IllegalStateException("GraphQL answered " + r.statusCode() + ": " + r.body());
        }
        return null;
    }

    private static void get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("authorization", ANALYST)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String post(String url, String body) throws Exception {
        return post(url, body, Credentials.bearer(Tokens.shared().admin()));
    }

    private static String post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Polls (the benchmark's set-up, not a test) until the URL answers 200. */
    private static void awaitStatus(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("authorization", ANALYST)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && !r.body().contains("\"items\":[]")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " still answers " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(200);
        }
    }
}
