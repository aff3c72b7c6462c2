package com.newsmell.infra;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Who may call each endpoint of a service (issue 16, ADR 0063), checked against the running service: every endpoint of
 * its OpenAPI document must have an entry, and each bearer-token entry answers 401 without a token, 403 with the wrong
 * role and 2xx with the right one (both refusals as problem+json). Endpoints that take no token (ingest with a write
 * key, open documents) are listed too, so that the table covers the document, and are checked to never ask for one and
 * to answer 2xx with what their entry's request gives (a write key, a body).
 *
 * <pre>{@code
 * AccessMatrix.forService()
 *         .analyst("GET", "/v1/perfumes/{perfumeId}/features", "/v1/perfumes/p-1/features")
 *         .admin("POST", "/v1/jobs/{name}/runs", "/v1/jobs/hourly-stats/runs")
 *         .check();
 * }</pre>
 */
public final class AccessMatrix {

    /** What an endpoint takes. */
    public enum Access {
        /** A bearer token with the analyst role (an admin is an analyst too). */
        ANALYST,
        /** A bearer token with the admin role. */
        ADMIN,
        /** No token: a write key (ingest) or nothing (documents, SDK settings). */
        NO_TOKEN
    }

    /** One endpoint: its OpenAPI method and path template, a concrete request, what it takes. */
    public record Entry(
            String method, String template, String path, Access access, UnaryOperator<RequestSpecification> request) {}

    private static final String PROBLEM = "application/problem+json";

    /** A role no endpoint allows: the wrong role for analyst endpoints. */
    private static final String NO_ROLE = "visitor";

    private final List<Entry> entries = new ArrayList<>();
    private final Tokens tokens;

    private AccessMatrix(Tokens tokens) {
        this.tokens = tokens;
    }

    /** A table for the service under test (REST Assured's base URI and port), with this run's tokens. */
    public static AccessMatrix forService() {
        return new AccessMatrix(Tokens.shared());
    }

    /** A table with the tokens of {@code tokens} (a running system's). */
    public static AccessMatrix forService(Tokens tokens) {
        return new AccessMatrix(tokens);
    }

    public AccessMatrix analyst(String method, String template, String path) {
        return add(method, template, path, Access.ANALYST, UnaryOperator.identity());
    }

    public AccessMatrix analyst(
            String method, String template, String path, UnaryOperator<RequestSpecification> request) {
        return add(method, template, path, Access.ANALYST, request);
    }

    public AccessMatrix admin(String method, String template, String path) {
        return add(method, template, path, Access.ADMIN, UnaryOperator.identity());
    }

    public AccessMatrix admin(
            String method, String template, String path, UnaryOperator<RequestSpecification> request) {
        return add(method, template, path, Access.ADMIN, request);
    }

    /** An endpoint that takes no token; {@code request} gives it what it needs (a write key, a body). */
    public AccessMatrix noToken(
            String method, String template, String path, UnaryOperator<RequestSpecification> request) {
        return add(method, template, path, Access.NO_TOKEN, request);
    }

    public AccessMatrix add(
            String method, String template, String path, Access access, UnaryOperator<RequestSpecification> request) {
        entries.add(new Entry(method.toUpperCase(Locale.ROOT), template, path, access, request));
        return this;
    }

    /** The table's entries. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Checks the table covers the service's OpenAPI document exactly, then every entry's answers: fails once, naming
     * every entry that answered wrong.
     */
    public void check() {
        checkCoverage();
        List<String> failures = new ArrayList<>();
        for (Entry entry : entries) {
            try {
                checkEntry(entry);
            } catch (AssertionError failure) {
                failures.add(failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + entries.size() + " endpoints answered wrong:\n"
                    + String.join("\n", failures));
        }
    }

    /** Every operation of {@code GET /q/openapi} has exactly one entry, and every entry is an operation. */
    public void checkCoverage() {
        JsonPath document = given().auth()
                .none()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((template, item) -> item.keySet().stream()
                .filter(key -> Set.of("get", "post", "put", "delete", "patch").contains(key))
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + template)));
        Set<String> listed = new TreeSet<>();
        entries.forEach(e -> listed.add(e.method() + " " + e.template()));
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(operations);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new AssertionError("the access table does not match the OpenAPI document: not in the table " + missing
                    + ", not in the document " + unknown);
        }
    }

    private void checkEntry(Entry entry) {
        switch (entry.access()) {
            case ANALYST -> {
                expectRefused(entry, null, 401);
                expectRefused(entry, tokens.forRole(NO_ROLE), 403);
                expectAllowed(entry, tokens.analyst());
            }
            case ADMIN -> {
                expectRefused(entry, null, 401);
                expectRefused(entry, tokens.analyst(), 403);
                expectAllowed(entry, tokens.admin());
            }
            case NO_TOKEN -> {
                Response answer = send(entry, null);
                if (answer.statusCode() == 401 && "Bearer".equals(answer.header("WWW-Authenticate"))) {
                    throw new AssertionError(describe(entry) + " asks for a bearer token; it should take none");
                }
                expect2xx(entry, answer, "with what its request gives (no token)");
            }
        }
    }

    private void expectRefused(Entry entry, String token, int status) {
        Response answer = send(entry, token);
        if (answer.statusCode() != status
                || !String.valueOf(answer.contentType()).startsWith(PROBLEM)) {
            throw new AssertionError(describe(entry) + (token == null ? " without a token" : " with the wrong role")
                    + ": expected " + status + " problem+json, got " + answer.statusCode() + " "
                    + answer.contentType() + " " + answer.asString());
        }
    }

    private void expectAllowed(Entry entry, String token) {
        expect2xx(entry, send(entry, token), "with the right role");
    }

    private static void expect2xx(Entry entry, Response answer, String how) {
        if (answer.statusCode() < 200 || answer.statusCode() > 299) {
            throw new AssertionError(describe(entry) + " " + how + ": expected 2xx, got " + answer.statusCode() + " "
                    + answer.asString());
        }
    }

    private static Response send(Entry entry, String token) {
        RequestSpecification request =
                token == null ? given().auth().none() : given().auth().oauth2(token);
        return entry.request().apply(request).request(entry.method(), entry.path());
    }

    private static String describe(Entry entry) {
        return entry.method() + " " + entry.path() + " (" + entry.access() + ")";
    }
}
