package com.newsmell.collector.ingest;

import com.newsmell.collector.config.ClientAddress;
import java.time.Instant;

/** What the HTTP request tells about the client, besides the body. */
public record RequestContext(String userAgent, String clientAddress, String country, Instant receivedAt) {

    /** The client's address ({@link ClientAddress#of}). */
    static String clientAddress(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        return ClientAddress.of(remoteAddress, forwardedFor, trustForwardedFor);
    }
}
