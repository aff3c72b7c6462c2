package com.newsmell.collector.writekey;

/** A live write key: its id, its source (web, ios, android, server) and the browser origins it may be used from. */
public record WriteKey(String id, String source, java.util.List<String> allowedOrigins) {}
