package com.newsmell.collector.ingest;

import java.time.Instant;

/** What the HTTP request tells about the client, besides the body. */
public record RequestContext(String userAgent, String clientAddress, String country, Instant receivedAt) {}
