package com.newsmell.collector.ingest;

import com.newsmell.collector.config.ClientAddress;
import java.time.Instant;

/** What the HTTP request tells about the client, besides the body. */
public record RequestContext(String userAgent, String clientAddress, String country, Instant receivedAt) {

    /** The facts of a JAX-RS request, received now. */
    public static RequestContext of(
            jakarta.ws.rs.core.HttpHeaders headers,
            io.vertx.core.http.HttpServerRequest request,
            com.newsmell.collector.config.CollectorConfig config) {
        String remoteAddress =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new RequestContext(
                headers.getHeaderString(jakarta.ws.rs.core.HttpHeaders.USER_AGENT),
                clientAddress(remoteAddress, headers.getHeaderString("X-Forwarded-For"), config.trustForwardedFor()),
                headers.getHeaderString(config.countryHeader()),
                Instant.now());
    }

    /**
     * The same request with the client's own user agent and address where a message names them (Segment's {@code
     * context.userAgent} and {@code context.ip}, sent by server-side libraries for their end user); the address is
     * truncated like any other.
     */
    public RequestContext forClient(String messageUserAgent, String messageAddress) {
        return new RequestContext(
                messageUserAgent != null ? messageUserAgent : userAgent,
                messageAddress != null ? messageAddress : clientAddress,
                country,
                receivedAt);
    }

    /** The client's address ({@link ClientAddress#of}). */
    static String clientAddress(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        return ClientAddress.of(remoteAddress, forwardedFor, trustForwardedFor);
    }
}
