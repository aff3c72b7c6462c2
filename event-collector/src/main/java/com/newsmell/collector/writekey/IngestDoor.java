package com.newsmell.collector.writekey;

import com.newsmell.collector.config.ClientAddress;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * The one door of every endpoint that takes events (ADR 0065, 0066): the native ones through {@link WriteKeyFilter},
 * the Segment-spec ones through their service once it has read (and inflated) the body, where their key may be. In
 * this order: the client address's bucket ({@link #checkAddress}, before any lookup or body, so a flood of made-up
 * keys costs nothing), then ({@link #admit}) the key (401 without a live one), its origin (403 from a browser origin
 * the key does not allow), the key's bucket (429). A refusal is a {@link ProblemException} with its headers
 * (WWW-Authenticate, Retry-After, RateLimit-*); nothing of a refused request is stored.
 */
@ApplicationScoped
public class IngestDoor {

    private final HashedWriteKeys keys;
    private final RateLimits limits;

    public IngestDoor(HashedWriteKeys keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /**
     * Who knocks: the client's address (what its bucket counts), the browser origin ({@link IngestCors} took it off
     * the request) and what to do when the key allows that origin (the answer then carries the CORS headers).
     */
    public record Visitor(String clientAddress, String origin, Runnable originAllowed) {

        /** The visitor of a Vert.x request; the first X-Forwarded-For hop only behind a trusted proxy. */
        public static Visitor of(RoutingContext routing, boolean trustForwardedFor) {
            var request = routing.request();
            String remote = request.remoteAddress() == null
                    ? null
                    : request.remoteAddress().hostAddress();
            return new Visitor(
                    ClientAddress.of(remote, request.getHeader("X-Forwarded-For"), trustForwardedFor),
                    IngestCors.origin(routing),
                    () -> IngestCors.allow(routing));
        }
    }

    /** A request let in: its key and what is left in the key's bucket (the RateLimit headers of the answer). */
    public record Admitted(StoredWriteKey key, TokenBucket.Take take) {

        public Map<String, String> headers() {
            return Map.of(
                    "RateLimit-Limit", Integer.toString(take.limit()),
                    "RateLimit-Remaining", Integer.toString(take.remaining()));
        }
    }

    /** The client address's bucket: empty when the request may go on, else the 429. */
    public Optional<ProblemException> checkAddress(Visitor visitor) {
        TokenBucket.Take take = limits.clientIp(visitor.clientAddress());
        return take.allowed() ? Optional.empty() : Optional.of(tooMany(take, "this client address"));
    }

    /** The key presented (null: none), its origin and its bucket; fails with the 401, 403 or 429. */
    public Uni<Admitted> admit(Visitor visitor, String presentedKey) {
        if (presentedKey == null) {
            return Uni.createFrom().failure(missingKey());
        }
        return keys.resolveStored(presentedKey).map(found -> {
            StoredWriteKey key = found.orElseThrow(IngestDoor::invalidKey);
            if (visitor.origin() != null && !allows(key, visitor.origin())) {
                throw new ProblemException(Problem.of(
                        403,
                        "origin-not-allowed",
                        "Origin not allowed",
                        "This write key is not allowed from the request's origin."));
            }
            visitor.originAllowed().run();
            TokenBucket.Take take = limits.writeKey(key);
            if (!take.allowed()) {
                throw tooMany(take, "this write key");
            }
            return new Admitted(key, take);
        });
    }

    static boolean allows(StoredWriteKey key, String origin) {
        return key.allowedOrigins().stream().anyMatch(o -> o.equals("*") || o.equalsIgnoreCase(origin));
    }

    /** 401: no key presented. */
    public static ProblemException missingKey() {
        return unauthorized(
                "write-key-missing", "A write key is required: send it as the Basic-auth user name (empty password).");
    }

    /** 401: the key presented is unknown or revoked. */
    public static ProblemException invalidKey() {
        return unauthorized("write-key-invalid", "The write key is unknown or revoked.");
    }

    private static ProblemException unauthorized(String slug, String detail) {
        return new ProblemException(
                Problem.of(401, slug, "Write key required", detail),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"event-collector\""));
    }

    private static ProblemException tooMany(TokenBucket.Take take, String whose) {
        String seconds = Long.toString(take.retryAfterSeconds());
        return new ProblemException(
                Problem.of(
                        429,
                        "rate-limited",
                        "Too many requests",
                        "The rate limit of " + whose + " is reached; retry after " + seconds + " s."),
                Map.of(
                        "Retry-After",
                        seconds,
                        "RateLimit-Limit",
                        Integer.toString(take.limit()),
                        "RateLimit-Remaining",
                        "0",
                        "RateLimit-Reset",
                        seconds));
    }
}
