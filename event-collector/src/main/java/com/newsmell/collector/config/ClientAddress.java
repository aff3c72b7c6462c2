package com.newsmell.collector.config;

/** Where the client's address comes from: what ingest enriches with (truncated) and the rate limits count by. */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * The client's address: the first hop of X-Forwarded-For when the collector runs behind a trusted proxy and
     * the header is there (null when that hop is empty), else the connection's remote address.
     */
    public static String of(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String firstHop = forwardedFor.split(",", -1)[0].trim();
            return firstHop.isEmpty() ? null : firstHop;
        }
        return remoteAddress;
    }
}
