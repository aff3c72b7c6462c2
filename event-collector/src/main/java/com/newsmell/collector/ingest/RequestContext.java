package com.newsmell.collector.ingest;

import java.time.Instant;

/** What the HTTP request tells about the client, besides the body. */
public record RequestContext(String userAgent, String clientAddress, String country, Instant receivedAt) {

    /**
     * The client's address: the first hop of X-Forwarded-For when the collector runs behind a trusted proxy and
     * the header is there (null when that hop is empty), else the connection's remote address.
     */
    public static String clientAddress(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String firstHop = forwardedFor.split(",", -1)[0].trim();
            return firstHop.isEmpty() ? null : firstHop;
        }
        return remoteAddress;
    }
}
