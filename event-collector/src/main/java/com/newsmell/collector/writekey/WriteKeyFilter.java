package com.newsmell.collector.writekey;

import com.newsmell.collector.config.ClientAddress;
import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.toolkit.http.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The door of every {@link WriteKeyRequired} endpoint (ADR 0065, 0066), in this order: the client address's bucket
 * (before any lookup, so a flood of made-up keys costs nothing), the key (401 without a live one), its origin (403 from
 * a browser origin the key does not allow), the key's bucket (429). Refused requests store nothing.
 */
public class WriteKeyFilter {

    /** The request property holding the {@link WriteKey} a request was let in with. */
    public static final String WRITE_KEY = "newsmell.write-key";

    private static final String TAKE = "newsmell.rate-limit";

    private final HashedWriteKeys keys;
    private final RateLimits limits;
    private final CollectorConfig config;

    public WriteKeyFilter(HashedWriteKeys keys, RateLimits limits, CollectorConfig config) {
        this.keys = keys;
        this.limits = limits;
        this.config = config;
    }

    @WriteKeyRequired
    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        String remote = routing.request().remoteAddress() == null
                ? null
                : routing.request().remoteAddress().hostAddress();
        TokenBucket.Take byAddress = limits.clientIp(
                ClientAddress.of(remote, request.getHeaderString("X-Forwarded-For"), config.trustForwardedFor()));
        if (!byAddress.allowed()) {
            return Uni.createFrom().item(tooMany(byAddress, path, "this client address"));
        }
        String presented = PresentedKey.of(
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getUriInfo().getQueryParameters().getFirst("writeKey"));
        if (presented == null) {
            return Uni.createFrom()
                    .item(unauthorized(
                            path,
                            "write-key-missing",
                            "A write key is required: send it as the" + " Basic-auth user name (empty password)."));
        }
        return keys.resolveStored(presented).map(found -> admit(found, request, routing, path));
    }

    private Response admit(
            Optional<StoredWriteKey> found, ContainerRequestContext request, RoutingContext routing, String path) {
        if (found.isEmpty()) {
            return unauthorized(path, "write-key-invalid", "The write key is unknown or revoked.");
        }
        StoredWriteKey key = found.get();
        String origin = IngestCors.origin(routing);
        if (origin != null && !allows(key, origin)) {
            return Problem.of(
                            403,
                            "origin-not-allowed",
                            "Origin not allowed",
                            "This write key is not allowed from the request's origin.")
                    .toResponse(path);
        }
        IngestCors.allow(routing);
        TokenBucket.Take byKey = limits.writeKey(key);
        if (!byKey.allowed()) {
            return tooMany(byKey, path, "this write key");
        }
        request.setProperty(WRITE_KEY, key.key());
        request.setProperty(TAKE, byKey);
        return null;
    }

    /** The key's bucket after this request, on every answer to an admitted request (RateLimit headers). */
    @WriteKeyRequired
    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TAKE) instanceof TokenBucket.Take take) {
            response.getHeaders().putSingle("RateLimit-Limit", take.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", take.remaining());
        }
    }

    static boolean allows(StoredWriteKey key, String origin) {
        return key.allowedOrigins().stream().anyMatch(o -> o.equals("*") || o.equalsIgnoreCase(origin));
    }

    private static Response unauthorized(String path, String slug, String detail) {
        return Response.fromResponse(
                        Problem.of(401, slug, "Write key required", detail).toResponse(path))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"event-collector\"")
                .build();
    }

    private static Response tooMany(TokenBucket.Take take, String path, String whose) {
        long seconds = take.retryAfterSeconds();
        return Response.fromResponse(Problem.of(
                                429,
                                "rate-limited",
                                "Too many requests",
                                "The rate limit of " + whose + " is reached; retry after " + seconds + " s.")
                        .toResponse(path))
                .header("Retry-After", seconds)
                .header("RateLimit-Limit", take.limit())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", seconds)
                .build();
    }
}
