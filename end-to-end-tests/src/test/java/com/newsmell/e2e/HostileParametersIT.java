package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #21, "No 500 for what a client sent": every operation in every service's OpenAPI document, each of its
 * path and query parameters in turn given hostile values (the others a sane one), answers below 500, and every
 * 4xx is application/problem+json. Values that are a client's mistake by any reading (NUL, dates outside
 * 1970-2100, a URI over 8 KiB) must be 4xx.
 */
class HostileParametersIT {

    /** Which hostile values an endpoint must refuse: any, one naming an instant, or none (a 2xx may be right). */
    enum Refuse {
        ALWAYS,
        AS_AN_INSTANT,
        NEVER
    }

    /** Raw (already percent-encoded where needed) values. */
    private static final Map<String, Refuse> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("%00", Refuse.ALWAYS);
        HOSTILE.put("a%00b", Refuse.ALWAYS);
        HOSTILE.put("%ED%A0%80", Refuse.NEVER); // a lone surrogate in (invalid) UTF-8: decoded or refused, never a 500
        HOSTILE.put("..", Refuse.NEVER);
        HOSTILE.put("..%2F..%2Fetc%2Fpasswd", Refuse.NEVER);
        HOSTILE.put("x".repeat(5_000), Refuse.NEVER);
        HOSTILE.put("x".repeat(9_000), Refuse.ALWAYS); // over the 8 KiB URI limit
        HOSTILE.put("%2B999999999-12-31T23%3A59%3A59Z", Refuse.AS_AN_INSTANT);
        HOSTILE.put("-999999999-01-01T00%3A00%3A00Z", Refuse.AS_AN_INSTANT);
        HOSTILE.put("-1", Refuse.NEVER);
        HOSTILE.put("0", Refuse.NEVER);
        HOSTILE.put("99999999999999999999999", Refuse.NEVER);
        HOSTILE.put("1e309", Refuse.NEVER);
        HOSTILE.put("%27%20or%201%3D1%20--", Refuse.NEVER);
        HOSTILE.put("%F0%9F%8C%B8", Refuse.NEVER);
        HOSTILE.put("", Refuse.NEVER);
    }

    /** The parameters that take an instant. */
    private static final Set<String> INSTANTS = Set.of("from", "to", "now", "asOf");

    /** Sane values by parameter name, so that the hostile one is what the endpoint judges: the last whole day. */
    private static final Instant TODAY = Instant.now().truncatedTo(ChronoUnit.DAYS);

    private static final Map<String, String> SANE = Map.ofEntries(
            Map.entry("from", TODAY.minus(1, ChronoUnit.DAYS).toString()),
            Map.entry("to", TODAY.toString()),
            Map.entry("granularity", "hour"),
            Map.entry("limit", "10"),
            Map.entry("metric", "views"),
            Map.entry("now", TODAY.toString()));

    /** Operations that would change data or start work when given sane values: only their parameters are probed. */
    private static final Set<String> METHODS = Set.of("get", "post");

    private static RunningSystem system;
    /** HTTP/1.1 as a browser speaks it to an http:// URL (no h2c upgrade, whose header limits are HTTP/2's). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.shared();
    }

    @Test
    void everyParameterOfEveryEndpointRefusesHostileValuesWithAProblem() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String service : RunningSystem.ALL) {
            JsonNode paths = openApi(service).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().path(method);
                    if (operation.isMissingNode()
                            || (method.equals("post") && !path.getKey().contains("{name}"))) {
                        continue; // POST bodies are the ingest tests' business; job runs are probed by name and now
                    }
                    List<JsonNode> params = new ArrayList<>();
                    operation.path("parameters").forEach(params::add);
                    path.getValue().path("parameters").forEach(params::add);
                    for (JsonNode param : params) {
                        for (Map.Entry<String, Refuse> hostile : HOSTILE.entrySet()) {
                            boolean mustRefuse = hostile.getValue() == Refuse.ALWAYS
                                    || (hostile.getValue() == Refuse.AS_AN_INSTANT
                                            && INSTANTS.contains(
                                                    param.path("name").asText()));
                            if (method.equals("post") && !mustRefuse) {
                                continue; // never start a real job run with a value that might be valid
                            }
                            requests++;
                            String uri = uri(service, path.getKey(), params, param, hostile.getKey());
                            HttpResponse<String> response = send(method, uri);
                            String failure = judge(response, mustRefuse);
                            if (failure != null) {
                                failures.add(method.toUpperCase() + " " + shorten(uri) + " -> " + failure);
                            }
                        }
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(200);
        assertThat(failures)
                .as("answers that were 5xx, not problem+json, or accepted an impossible value")
                .isEmpty();
    }

    private JsonNode openApi(String service) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(system.url(service) + "/q/openapi?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /q/openapi").isEqualTo(200);
        return ScriptedStream.JSON.readTree(response.body());
    }

    private String uri(String service, String template, List<JsonNode> params, JsonNode probed, String hostile) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode param : params) {
            String name = param.path("name").asText();
            String value = param == probed ? hostile : sane(name);
            if ("path".equals(param.path("in").asText())) {
                path = path.replace("{" + name + "}", value);
            } else if ("query".equals(param.path("in").asText()) && (param == probed || SANE.containsKey(name))) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(value);
            }
        }
        return system.url(service) + path + query;
    }

    private static String sane(String name) {
        return SANE.getOrDefault(name, URLEncoder.encode("sane-" + name, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String uri) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20));
        request = method.equals("post") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String judge(HttpResponse<String> response, boolean mustRefuse) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + shorten(response.body());
        }
        if (mustRefuse && status < 400) {
            return status + ": an impossible value was accepted";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "', not application/problem+json";
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
