package com.newsmell.collector.writekey;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * CORS of the ingest endpoints, per write key (ADR 0065): the service-wide CORS list (quarkus.http.cors) is for the
 * dashboards reading the APIs; a browser may send events from any origin its write key allows. A preflight carries no
 * key, so it is answered for any origin; the request itself gets Access-Control-Allow-Origin only when its key allows
 * the origin ({@link IngestDoor} answers 403 otherwise). The SDKs' settings documents ({@code
 * /v1/projects/{writeKey}/settings}, {@code /sourceConfig}) are readable from any origin (they answer {@code
 * Access-Control-Allow-Origin: *} themselves): a shop's page fetches them before it sends anything. Runs before
 * Quarkus's CORS filter (priority 300).
 */
@ApplicationScoped
public class IngestCors {

    /** The ingest paths that browsers post to: the native ones and the Segment-spec ones (ADR 0060). */
    public static final Set<String> PATHS = Set.of(
            "/v1/events",
            "/v1/events/batch",
            "/v1/batch",
            "/v1/track",
            "/v1/page",
            "/v1/screen",
            "/v1/identify",
            "/v1/alias",
            "/v1/group",
            "/v1/t",
            "/v1/p",
            "/v1/i",
            "/v1/a",
            "/v1/g",
            "/v1/s",
            "/v1/b");

    static final String EXPOSED = "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

    private static final String ORIGIN = "newsmell.ingest-origin";
    private static final String ALLOWED = "newsmell.ingest-origin-allowed";
    private static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(IngestCors::handle, PRIORITY);
    }

    static void handle(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String origin = request.getHeader("Origin");
        if (origin != null && isSettings(request.path())) {
            if (!preflight(routing, origin, "GET", "authorization")) {
                request.headers().remove("Origin"); // any origin: not the service-wide list's decision
                routing.next();
            }
            return;
        }
        if (origin == null || !PATHS.contains(request.path())) {
            routing.next();
            return;
        }
        if (preflight(routing, origin, "POST", "authorization, content-type, content-encoding")) {
            return;
        }
        if (request.method() != HttpMethod.POST) {
            routing.next(); // GET /v1/events is the query API: the service-wide CORS list applies, preflight included
            return;
        }
        routing.put(ORIGIN, origin);
        request.headers().remove("Origin"); // decided here and in IngestDoor, not by the service-wide list
        routing.addHeadersEndHandler(v -> {
            if (Boolean.TRUE.equals(routing.get(ALLOWED))) {
                routing.response()
                        .putHeader("Access-Control-Allow-Origin", origin)
                        .putHeader("Vary", "Origin")
                        .putHeader("Access-Control-Expose-Headers", EXPOSED);
            }
        });
        routing.next();
    }

    /** The settings documents the browser SDKs fetch before they send anything. */
    static boolean isSettings(String path) {
        return path.equals("/sourceConfig") || (path.startsWith("/v1/projects/") && path.endsWith("/settings"));
    }

    /** Answers a preflight for {@code method} from any origin (it carries no key); false when it is none. */
    private static boolean preflight(RoutingContext routing, String origin, String method, String headers) {
        HttpServerRequest request = routing.request();
        if (request.method() != HttpMethod.OPTIONS
                || !method.equals(request.getHeader("Access-Control-Request-Method"))) {
            return false;
        }
        routing.response()
                .setStatusCode(204)
                .putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Vary", "Origin")
                .putHeader("Access-Control-Allow-Methods", method)
                .putHeader("Access-Control-Allow-Headers", headers)
                .putHeader("Access-Control-Max-Age", "600")
                .end();
        return true;
    }

    /** The browser origin of an ingest request, or null. */
    static String origin(RoutingContext routing) {
        String taken = routing.get(ORIGIN);
        return taken != null ? taken : routing.request().getHeader("Origin");
    }

    /** The request's key allows its origin: the answer may be read by the page. */
    static void allow(RoutingContext routing) {
        routing.put(ALLOWED, Boolean.TRUE);
    }
}
