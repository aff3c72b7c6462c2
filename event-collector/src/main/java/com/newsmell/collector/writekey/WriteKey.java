package com.newsmell.collector.writekey;

/** A valid write key: its id, the source it belongs to (web, ios, android, server) and its allowed origins. */
public record WriteKey(String id, String source, java.util.List<String> allowedOrigins) {}
